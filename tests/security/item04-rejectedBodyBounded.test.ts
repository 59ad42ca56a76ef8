// Issue 11, item 4: what anonymous requests can make the hub store is bounded. A rejected callback keeps
// at most its first 4 KiB (with the size it had), and one source address may have only
// INBOUND_REJECTION_BURST rejections stored (refilled per minute; here 3, refilled 1 a minute): past that
// each is still answered, but not stored. Clients connect from distinct loopback addresses.
import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.INBOUND_REJECTION_BURST = '3'
  process.env.INBOUND_REJECTIONS_PER_MINUTE = '1'
  process.env.LASTFRAME_WEBHOOK_SECRET = 'lastframe-excerpt-secret'
})

import {
  excerptRejectedBody,
  REJECTED_BODY_EXCERPT_BYTES,
  rejectionSourceKey,
} from '@/lib/inbound/storedRejections'
import { bootHub } from '../helpers/bootHub'
import { sendRawHttp } from '../helpers/sendRawHttp'
import { startWebListener } from '../helpers/startWebListener'

let payload: Payload
let web: Awaited<ReturnType<typeof startWebListener>>

beforeAll(async () => {
  payload = await bootHub()
  web = await startWebListener()
})
afterAll(() => web.close())

function post(path: string, body: string, from: string, headers: string[] = []) {
  return sendRawHttp(
    web.port,
    [`POST ${path} HTTP/1.1`, 'Host: hub.test', 'content-type: application/json', ...headers].join(
      '\r\n',
    ),
    body,
    { localAddress: from },
  )
}

async function logsFrom(sourceIp: string) {
  const found = await payload.find({
    collection: 'webhook-logs',
    where: { source_ip: { equals: sourceIp } },
    sort: 'id',
    depth: 0,
    overrideAccess: true,
  })
  return found.docs
}

const bigJson = (bytes: number) => `{"pad":"${'x'.repeat(bytes - 10)}"}`

describe('a rejected callback', () => {
  it('to an unknown source keeps only its first 4 KiB and the size it had', async () => {
    const body = bigJson(512 * 1024)
    const answer = await post('/api/v1/webhooks/nonexistent-1', body, '127.0.0.11')
    expect(answer).toMatchObject({ answered: true, status: 404 })
    const [log] = await logsFrom('127.0.0.11')
    expect(log).toMatchObject({ status: 'rejected', raw_body_size: body.length })
    expect(log!.raw_body).toBe(body.slice(0, REJECTED_BODY_EXCERPT_BYTES))
  })

  it('with a bad signature keeps only its first 4 KiB', async () => {
    const body = `{"job_id":"lf_x","status":"completed","pad":"${'é'.repeat(50_000)}"}`
    const answer = await post('/api/v1/webhooks/lastframe', body, '127.0.0.12', [
      `x-lastframe-signature: ${'0'.repeat(64)}`,
    ])
    expect(answer).toMatchObject({ answered: true, status: 401 })
    const [log] = await logsFrom('127.0.0.12')
    expect(log!.raw_body_size).toBe(Buffer.byteLength(body))
    // Cut back to a character boundary: the excerpt is readable text, not a broken "é".
    expect(Buffer.byteLength(log!.raw_body!)).toBeLessThanOrEqual(REJECTED_BODY_EXCERPT_BYTES)
    expect(body.startsWith(log!.raw_body!)).toBe(true)
    expect(log!.raw_body_base64 ?? null).toBeNull()
  })

  it('is still stored whole when it was verified', async () => {
    const body = `{"job_id":"lf_whole","status":"completed","metadata":{"pad":"${'y'.repeat(20_000)}"}}`
    const signature = createHmac('sha256', 'lastframe-excerpt-secret').update(body).digest('hex')
    const answer = await post('/api/v1/webhooks/lastframe', body, '127.0.0.15', [
      `x-lastframe-signature: ${signature}`,
    ])
    expect(answer).toMatchObject({ answered: true, status: 200 })
    const [log] = await logsFrom('127.0.0.15')
    expect(log!.raw_body).toBe(body)
  })
})

describe('rejections from one source address', () => {
  it('are stored up to the burst, then answered but not stored; another address is unaffected', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 6; attempt++) {
      const answer = await post(`/api/v1/webhooks/nonexistent-${attempt}`, '{}', '127.0.0.13')
      statuses.push(answer.answered ? answer.status : 0)
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404])
    expect(await logsFrom('127.0.0.13')).toHaveLength(3)

    const other = await post('/api/v1/webhooks/nonexistent-other', '{}', '127.0.0.14')
    expect(other).toMatchObject({ answered: true, status: 404 })
    expect(await logsFrom('127.0.0.14')).toHaveLength(1)
  })

  it('share one budget per IPv6 /64', () => {
    expect(rejectionSourceKey('2001:db8:1:2:aaaa::1')).toBe(
      rejectionSourceKey('2001:db8:1:2::ffff'),
    )
    expect(rejectionSourceKey('2001:db8:1:2::1')).not.toBe(rejectionSourceKey('2001:db8:1:3::1'))
    expect(rejectionSourceKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64')
    expect(rejectionSourceKey('::1')).toBe('0:0:0:0::/64')
    expect(rejectionSourceKey('192.0.2.1')).toBe('192.0.2.1')
  })
})

describe('excerptRejectedBody', () => {
  it('never ends inside a UTF-8 character', () => {
    for (let shift = 0; shift < 4; shift++) {
      const body = Buffer.from('a'.repeat(shift) + '€'.repeat(5_000))
      const excerpt = excerptRejectedBody(body)
      expect(excerpt.length).toBeLessThanOrEqual(REJECTED_BODY_EXCERPT_BYTES)
      expect(excerpt.toString('utf8')).not.toContain('\uFFFD')
    }
  })
})
