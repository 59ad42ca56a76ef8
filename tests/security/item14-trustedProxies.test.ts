// Issue 11, item 14: a callback's recorded source address is the TCP peer unless that peer is one of
// TRUSTED_PROXIES; only then is X-Forwarded-For read, right to left, past each trusted hop. Here the hub
// trusts 127.0.0.2 and 10.0.0.0/8; clients connect from 127.0.0.1 (a stranger) or 127.0.0.2 (the proxy).
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.TRUSTED_PROXIES = '127.0.0.2, 10.0.0.0/8'
})

import { envSchema } from '@/lib/config/env'
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

/** Posts a callback to an unknown source (stored as rejected) and reads the source_ip it was stored with. */
async function recordedSourceIp(from: string, forwardedFor?: string): Promise<string | null> {
  const answer = await sendRawHttp(
    web.port,
    [
      'POST /api/v1/webhooks/nobody-here HTTP/1.1',
      'Host: hub.test',
      'content-type: application/json',
      ...(forwardedFor === undefined ? [] : [`x-forwarded-for: ${forwardedFor}`]),
    ].join('\r\n'),
    '{}',
    { localAddress: from },
  )
  expect(answer).toMatchObject({ answered: true, status: 404 })
  const latest = await payload.find({
    collection: 'webhook-logs',
    sort: '-id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return latest.docs[0]!.source_ip ?? null
}

describe('the source address of a callback', () => {
  it('is the TCP peer when a client that is not a trusted proxy sends X-Forwarded-For', async () => {
    expect(await recordedSourceIp('127.0.0.1', '203.0.113.66')).toBe('127.0.0.1')
    expect(await recordedSourceIp('127.0.0.1', '203.0.113.66, 127.0.0.2')).toBe('127.0.0.1')
  })

  it('is the TCP peer when there is no X-Forwarded-For', async () => {
    expect(await recordedSourceIp('127.0.0.2')).toBe('127.0.0.2')
  })

  it('is the address a trusted proxy forwarded, skipping further trusted hops', async () => {
    expect(await recordedSourceIp('127.0.0.2', '198.51.100.7')).toBe('198.51.100.7')
    expect(await recordedSourceIp('127.0.0.2', '203.0.113.66, 198.51.100.7, 10.1.2.3')).toBe(
      '198.51.100.7',
    )
  })

  it('stops at the trusted proxy when what it forwarded is not an address', async () => {
    expect(await recordedSourceIp('127.0.0.2', 'not-an-ip')).toBe('127.0.0.2')
  })
})

describe('TRUSTED_PROXIES', () => {
  it('refuses an entry that is not an address or a CIDR range, naming it', () => {
    for (const value of ['10.0.0.0/33', 'proxy.internal', '::1/129', '10.0.0.1/8/2']) {
      const parsed = envSchema.safeParse({ TRUSTED_PROXIES: value })
      expect(parsed.success).toBe(false)
      expect(parsed.error!.issues[0]!.message).toContain(value)
    }
  })

  it('accepts IPv4 and IPv6 addresses and ranges', () => {
    expect(
      envSchema.safeParse({ TRUSTED_PROXIES: '10.0.0.0/8,::1, fd00::/8,192.0.2.1' }).success,
    ).toBe(true)
  })
})
