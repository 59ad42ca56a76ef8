import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startDeliveryListener, type ListenedDelivery } from '@/lib/devtools/startDeliveryListener'
import { publishEvent } from '@/lib/events/publishEvent'
import { generateWebhookSecret } from '@/lib/signing/generateWebhookSecret'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { startReceiver, type Receiver } from '../../fakes/startReceiver'
import { bootHub } from '../../helpers/bootHub'
import { runScript } from '../../helpers/runScript'
import { startTestDeliveryLoop } from '../../helpers/startTestDeliveryLoop'
import { waitFor } from '../../helpers/waitFor'

let payload: Payload
let loop: WorkerLoop
let forwardTarget: Receiver

beforeAll(async () => {
  payload = await bootHub()
  loop = startTestDeliveryLoop(payload)
  forwardTarget = await startReceiver()
})

afterAll(async () => {
  await loop.drain()
  await forwardTarget.close()
})

async function subscribe(url: string, secret: string, eventType: string) {
  await payload.create({
    collection: 'webhooks',
    overrideAccess: true,
    data: { name: 'listener', url, event_types: [eventType], secret },
  })
}

describe('npm run listen', () => {
  it('verifies a real delivery with the subscription secret and forwards it unchanged', async () => {
    const secret = generateWebhookSecret()
    const seen: ListenedDelivery[] = []
    const listener = await startDeliveryListener({
      port: 0,
      secret,
      forwardTo: `${forwardTarget.url}/local-handler`,
      onDelivery: (delivery) => seen.push(delivery),
    })
    try {
      await subscribe(listener.url, secret, 'content.published')
      const published = await publishEvent(payload, {
        event_type: 'content.published',
        data: { content_id: 'c1' },
      })
      await waitFor(
        async () => seen.length,
        (count) => count === 1,
      )
      expect(seen[0]).toMatchObject({
        eventType: 'content.published',
        eventId: published.event_id,
        verified: true,
        verdict: 'signature valid',
        forwardedStatus: 200,
      })
      const [forwarded] = await forwardTarget.waitForRequests(1)
      expect(forwarded.path).toBe('/local-handler')
      expect(forwarded.body).toBe(seen[0].body)
      expect(forwarded.headers['webhook-signature']).toBeDefined()
      const delivery = await payload.find({
        collection: 'webhook-deliveries',
        where: { event_id: { equals: published.event_id } },
        overrideAccess: true,
      })
      await waitFor(
        () =>
          payload.findByID({
            collection: 'webhook-deliveries',
            id: delivery.docs[0].id,
            overrideAccess: true,
          }),
        (doc) => doc.status === 'succeeded',
      )
    } finally {
      await listener.close()
    }
  })

  it('verifies a delivery keyed by a secret the subscriber chose, as the hub signs it', async () => {
    const secret = 'your-secret-key'
    const seen: ListenedDelivery[] = []
    const listener = await startDeliveryListener({
      port: 0,
      secret,
      forwardTo: null,
      onDelivery: (delivery) => seen.push(delivery),
    })
    try {
      await subscribe(listener.url, secret, 'user.updated')
      await publishEvent(payload, { event_type: 'user.updated', data: { user_id: 'u1' } })
      await waitFor(
        async () => seen.length,
        (count) => count === 1,
      )
      expect(seen[0]).toMatchObject({ verified: true, verdict: 'signature valid' })
    } finally {
      await listener.close()
    }
  })

  it('flags a delivery signed with another secret and answers 400 so the hub retries', async () => {
    const seen: ListenedDelivery[] = []
    const listener = await startDeliveryListener({
      port: 0,
      secret: generateWebhookSecret(),
      forwardTo: null,
      onDelivery: (delivery) => seen.push(delivery),
    })
    try {
      await subscribe(listener.url, generateWebhookSecret(), 'report.generated')
      await publishEvent(payload, { event_type: 'report.generated', data: { report_id: 'r1' } })
      await waitFor(
        async () => seen.length,
        (count) => count >= 1,
      )
      expect(seen[0].verified).toBe(false)
      expect(seen[0].verdict).toMatch(/INVALID/)
    } finally {
      await listener.close()
    }
  })
})

// A child process starting tsx on a busy machine: patient, never a timing budget.
describe('npm run listen (the script)', { timeout: 120_000 }, () => {
  it('exits 1 with one line, and no stack trace, when its port is taken', async () => {
    const holder = createServer()
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve))
    const { port } = holder.address() as AddressInfo
    try {
      const run = await runScript('listen.ts', ['--port', String(port)])
      expect(run.code).toBe(1)
      expect(run.stderr.trim()).toBe(
        `npm run listen: port ${port} is in use; pass --port <n> or set LISTEN_PORT`,
      )
      expect(run.stderr).not.toMatch(/EADDRINUSE|\n\s+at /)
      expect(run.stdout).toBe('')
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()))
    }
  })

  it('prints its options, the port among them, for --help', async () => {
    const run = await runScript('listen.ts', ['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: npm run listen -- \[options\]/)
    for (const option of ['--port <n>', 'LISTEN_PORT', '--secret', '--forward-to', '--help']) {
      expect(run.stdout).toContain(option)
    }
  })
})
