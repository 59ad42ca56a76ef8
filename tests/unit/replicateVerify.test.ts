import { describe, expect, it } from 'vitest'

import { InboundRejection } from '@/lib/inbound/inboundRejection'
import type { ProviderContext } from '@/lib/inbound/providers/inboundProvider'
import {
  mapReplicateStatus,
  readProgressFromLogs,
  replicateProvider,
} from '@/lib/inbound/providers/replicate'
import { signStandardWebhook } from '@/lib/signing/standardWebhooks'

const SECRET = 'whsec_' + Buffer.from('replicate-secret-for-tests!').toString('base64')
const NOW = 1_800_000_000
const BODY = JSON.stringify({
  id: 'p1',
  status: 'succeeded',
  output: ['u'],
  created_at: '2027-01-15T08:00:00Z',
})
const context: ProviderContext = {
  now: () => new Date(NOW * 1000),
  fetch,
  env: { REPLICATE_WEBHOOK_SECRET: SECRET },
}

function signedRequest(body: string, timestamp = NOW, secret = SECRET) {
  return {
    rawBody: Buffer.from(body),
    headers: {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signStandardWebhook(secret, 'msg_1', timestamp, body),
    },
    query: {},
    jobId: null,
    receivedAt: new Date(NOW * 1000),
  }
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InboundRejection)
  return (error as InboundRejection).code
}

describe('Replicate webhooks', () => {
  it('accepts a correctly signed prediction and keys it by webhook-id', async () => {
    await expect(replicateProvider.verify(signedRequest(BODY), context)).resolves.toMatchObject({
      dedupeKey: 'msg_1',
      externalJobId: 'p1',
      eventType: 'replicate.succeeded',
    })
  })

  it('refuses a wrong secret, a tampered body, stale and future timestamps, and missing headers', async () => {
    expect(
      await codeOf(
        replicateProvider.verify(
          signedRequest(
            BODY,
            NOW,
            'whsec_' + Buffer.from('other-secret-entirely!!').toString('base64'),
          ),
          context,
        ),
      ),
    ).toBe('invalid_signature')
    const tampered = {
      ...signedRequest(BODY),
      rawBody: Buffer.from(BODY.replace('succeeded', 'failed')),
    }
    expect(await codeOf(replicateProvider.verify(tampered, context))).toBe('invalid_signature')
    expect(await codeOf(replicateProvider.verify(signedRequest(BODY, NOW - 301), context))).toBe(
      'invalid_signature',
    )
    expect(await codeOf(replicateProvider.verify(signedRequest(BODY, NOW + 301), context))).toBe(
      'invalid_signature',
    )
    const missing = signedRequest(BODY)
    delete (missing.headers as Record<string, string>)['webhook-signature']
    expect(await codeOf(replicateProvider.verify(missing, context))).toBe('invalid_signature')
    expect(await codeOf(replicateProvider.verify(signedRequest('{"id":'), context))).toBe(
      'invalid_json',
    )
  })

  it('maps every prediction status and reads progress from logs', () => {
    expect(
      ['starting', 'processing', 'succeeded', 'failed', 'canceled', 'aborted'].map(
        mapReplicateStatus,
      ),
    ).toEqual(['queued', 'processing', 'completed', 'failed', 'cancelled', 'cancelled'])
    expect(readProgressFromLogs('step 1\n 10%|█\n 42%|███')).toBe(42)
    expect(readProgressFromLogs('')).toBeNull()
  })
})
