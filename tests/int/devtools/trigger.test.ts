import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// A port nothing listens on, rather than a random guess that may be taken; chosen before the imports
// read the environment.
const hubPort = await vi.hoisted(async () => {
  const { findFreePort } = await import('@/lib/process/findFreePort')
  const port = await findFreePort()
  process.env.PORT = String(port)
  // Nothing listens here: the OpenAI output fetch fails fast, as it would without network.
  process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1'
  delete process.env.OPENAI_WEBHOOK_SECRET
  delete process.env.REPLICATE_WEBHOOK_SECRET
  delete process.env.LASTFRAME_WEBHOOK_SECRET
  delete process.env.FAL_JWKS_URL
  return port
})

import { readEnv } from '@/lib/config/env'
import { withDevSecretFallbacks } from '@/lib/devtools/devSecrets'
import { runTrigger } from '@/lib/devtools/runTrigger'
import { sendTrigger } from '@/lib/devtools/sendTrigger'
import { TRIGGER_SAMPLES } from '@/lib/devtools/triggerCatalog'
import type { WorkerLoop } from '@/lib/worker/runWorker'
import { bootHub } from '../../helpers/bootHub'
import { runScript } from '../../helpers/runScript'
import { startHubInboundServer } from '../../helpers/startHubInboundServer'
import { startProductionModeInbound } from '../../helpers/startProductionModeInbound'
import { startTestInboundLoop } from '../../helpers/startTestInboundLoop'
import { waitFor } from '../../helpers/waitFor'
import { findFreePort } from '@/lib/process/findFreePort'

let payload: Payload
let hub: { url: string; close(): Promise<void> }
let loop: WorkerLoop

const EXPECTED_JOB_STATUS: Record<string, string> = {
  'fal.completed': 'completed',
  'fal.failed': 'failed',
  'openai.response.completed': 'completed',
  'openai.response.failed': 'failed',
  'openai.response.cancelled': 'cancelled',
  'openai.batch.completed': 'completed',
  'replicate.starting': 'queued',
  'replicate.processing': 'processing',
  'replicate.succeeded': 'completed',
  'replicate.failed': 'failed',
  'replicate.canceled': 'cancelled',
  'comfydeploy.running': 'processing',
  'comfydeploy.success': 'completed',
  'comfydeploy.failed': 'failed',
  'lastframe.processing': 'processing',
  'lastframe.completed': 'completed',
  'lastframe.failed': 'failed',
}

beforeAll(async () => {
  payload = await bootHub()
  hub = await startHubInboundServer(hubPort)
  loop = startTestInboundLoop(payload)
})

afterAll(async () => {
  await loop.drain()
  await hub.close()
})

describe('npm run trigger', () => {
  it('covers every sample event with an expectation', () => {
    expect(TRIGGER_SAMPLES.map((sample) => `${sample.provider}.${sample.event}`).sort()).toEqual(
      Object.keys(EXPECTED_JOB_STATUS).sort(),
    )
  })

  it.each(Object.entries(EXPECTED_JOB_STATUS))(
    'sends %s signed; the running hub accepts it, logs it and sets the job to %s',
    async (name, expectedStatus) => {
      const provider = name.split('.')[0]
      let jobId: string | null = null
      let externalId: string | undefined
      if (provider === 'comfydeploy') {
        externalId = `run-${Math.random().toString(16).slice(2)}`
        const job = await payload.create({
          collection: 'jobs',
          overrideAccess: true,
          data: { provider: 'comfydeploy', external_id: externalId, status: 'queued' },
        })
        jobId = String(job.id)
      }
      const env = withDevSecretFallbacks(
        { ...process.env, PAYLOAD_SECRET: readEnv().PAYLOAD_SECRET },
        '',
      )
      const result = await sendTrigger({ name, baseUrl: hub.url, jobId, externalId, set: [], env })
      expect(result.status).toBe(200)
      expect(result.body).toMatchObject({ received: true, duplicate: false })
      const logId = (result.body as { id: string }).id
      const log = await waitFor(
        () =>
          payload.findByID({
            collection: 'webhook-logs',
            id: logId,
            overrideAccess: true,
            depth: 0,
          }),
        (doc) => doc.status === 'processed' || doc.status === 'error',
      )
      expect(log).toMatchObject({ status: 'processed', verified: true, source: provider })
      const jobs = await payload.find({
        collection: 'jobs',
        where: {
          and: [{ provider: { equals: provider } }, { external_id: { equals: result.externalId } }],
        },
        overrideAccess: true,
      })
      expect(jobs.docs[0]?.status).toBe(expectedStatus)
    },
  )

  it('applies --set overrides to the body it signs', async () => {
    const env = withDevSecretFallbacks(
      { ...process.env, PAYLOAD_SECRET: readEnv().PAYLOAD_SECRET },
      '',
    )
    const result = await sendTrigger({
      name: 'lastframe.completed',
      baseUrl: hub.url,
      jobId: null,
      set: ['result.duration=9.5', 'metadata.project_id=proj_42'],
      env,
    })
    expect(result.status).toBe(200)
    expect(result.sent).toMatchObject({
      result: { duration: 9.5 },
      metadata: { project_id: 'proj_42' },
    })
  })

  it('is refused by the hub when signed with the wrong secret', async () => {
    const env = {
      ...process.env,
      PAYLOAD_SECRET: readEnv().PAYLOAD_SECRET,
      LASTFRAME_WEBHOOK_SECRET: 'not-the-hub-secret',
    }
    const result = await sendTrigger({
      name: 'lastframe.completed',
      baseUrl: hub.url,
      jobId: null,
      set: [],
      env,
    })
    expect(result.status).toBe(401)
  })
})

/** runTrigger as scripts/trigger.ts calls it, with the trigger's development secrets. */
async function runTriggerCapturing(name: string, baseUrl: string) {
  const out: string[] = []
  const err: string[] = []
  const env = withDevSecretFallbacks(
    { ...process.env, PAYLOAD_SECRET: readEnv().PAYLOAD_SECRET },
    '',
  )
  const exitCode = await runTrigger(
    { name, baseUrl, jobId: null, set: [], env },
    { log: (line) => out.push(line), error: (line) => err.push(line) },
  )
  return { exitCode, out, err }
}

describe('npm run trigger against a hub without the development secrets (npm start)', () => {
  let productionHub: { url: string; close(): Promise<void> }

  beforeAll(async () => {
    // fal's real JWKS stands behind a closed port: the hub cannot fetch it, as without network.
    const jwksUrl = `http://127.0.0.1:${await findFreePort()}/.well-known/jwks.json`
    productionHub = await startProductionModeInbound(payload, {
      PAYLOAD_SECRET: readEnv().PAYLOAD_SECRET,
      FAL_JWKS_URL: jwksUrl,
    })
  })

  afterAll(() => productionHub.close())

  it('prints the 503 for fal, then that npm run dev serves the local fal key it signs with', async () => {
    const run = await runTriggerCapturing('fal.completed', productionHub.url)
    expect(run.exitCode).toBe(1)
    expect(run.out[1]).toMatch(/^← 503 /)
    expect(run.out[1]).toContain('verification_unavailable')
    expect(run.out.slice(2)).toEqual([
      "hint: the hub could not fetch fal's JWKS. A hub started with `npm start` (production mode) " +
        "checks fal callbacks against fal's real JWKS, which never holds the trigger's key.",
      'hint: run the hub with `npm run dev` instead: it serves a local fal key at ' +
        '/api/v1/dev/fal-jwks, shared with the trigger through data/dev-secrets.json, and the ' +
        'trigger signs with that key.',
    ])
  })

  it.each([
    ['replicate.succeeded', 'REPLICATE_WEBHOOK_SECRET'],
    ['openai.response.completed', 'OPENAI_WEBHOOK_SECRET'],
    ['lastframe.completed', 'LASTFRAME_WEBHOOK_SECRET'],
  ])('prints the 401 for %s, then how to share %s', async (name, variable) => {
    const run = await runTriggerCapturing(name, productionHub.url)
    expect(run.exitCode).toBe(1)
    expect(run.out[1]).toMatch(/^← 401 /)
    expect(run.out.slice(2)).toEqual([
      `hint: the hub has no ${variable}. \`npm run dev\` shares data/dev-secrets.json with the ` +
        'trigger, so both use the same development secret.',
      `hint: against a hub started with \`npm start\`, set the same ${variable} for both the hub ` +
        'and the trigger.',
    ])
  })
})

describe('npm run trigger with no hub', () => {
  it('says no hub is listening at the URL and how to start one or pass --url', async () => {
    const baseUrl = `http://127.0.0.1:${await findFreePort()}`
    const run = await runTriggerCapturing('replicate.succeeded', baseUrl)
    expect(run.exitCode).toBe(1)
    expect(run.out).toEqual([])
    expect(run.err).toEqual([
      `trigger failed: connect ECONNREFUSED ${baseUrl.slice('http://'.length)}`,
      `hint: no hub is listening at ${baseUrl}. Start one (\`npm run dev\`), or pass --url <hub base URL>.`,
    ])
  })
})

// A child process starting tsx on a busy machine: patient, never a timing budget.
describe('npm run trigger (the script)', { timeout: 120_000 }, () => {
  it('prints its options, the hub URL and port among them, for --help', async () => {
    const run = await runScript('trigger.ts', ['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: npm run trigger -- <provider>\.<event> \[options\]/)
    for (const option of ['--url <base>', 'PORT', '--job', '--external', '--set', '--list']) {
      expect(run.stdout).toContain(option)
    }
  })
})
