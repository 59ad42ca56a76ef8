import { describe, expect, it } from 'vitest'

import { InboundRejection } from '@/lib/inbound/inboundRejection'
import type { ProviderContext, RawInboundRequest } from '@/lib/inbound/providers/inboundProvider'
import { openaiProvider } from '@/lib/inbound/providers/openai'
import { signStandardWebhook } from '@/lib/signing/standardWebhooks'

// The known-good vector from PROVIDERS.md.
const SECRET = 'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c='
const BODY =
  '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}'
const HEADERS = {
  'webhook-id': 'wh_685c059ae39c8190af8c71ed1022a24d',
  'webhook-timestamp': '1750861210',
  'webhook-signature': 'v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=',
}

function contextAt(seconds: number): ProviderContext {
  return {
    now: () => new Date(seconds * 1000),
    fetch,
    env: { OPENAI_WEBHOOK_SECRET: SECRET, OPENAI_API_KEY: 'sk-test' },
  }
}

function request(body: string, headers: Record<string, string>): RawInboundRequest {
  return { rawBody: Buffer.from(body), headers, query: {}, jobId: null, receivedAt: new Date() }
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InboundRejection)
  return error as InboundRejection
}

describe('OpenAI webhook verification', () => {
  it('accepts the known-good vector at its own timestamp', async () => {
    const verified = await openaiProvider.verify(request(BODY, HEADERS), contextAt(1750861210))
    expect(verified).toMatchObject({
      dedupeKey: 'wh_685c059ae39c8190af8c71ed1022a24d',
      eventType: 'response.completed',
      externalJobId: 'resp_123',
    })
  })

  it('refuses the known-good vector as stale at today’s time', async () => {
    const error = await rejection(
      openaiProvider.verify(request(BODY, HEADERS), contextAt(Math.floor(Date.now() / 1000))),
    )
    expect(error).toMatchObject({ code: 'invalid_signature', status: 401 })
    expect(error.message).toMatch(/too old/)
  })

  it('refuses a timestamp 301 s in the future, a tampered body, a wrong secret and missing headers', async () => {
    expect(
      (await rejection(openaiProvider.verify(request(BODY, HEADERS), contextAt(1750861210 - 301))))
        .message,
    ).toMatch(/too new/)
    await rejection(
      openaiProvider.verify(
        request(BODY.replace('resp_123', 'resp_124'), HEADERS),
        contextAt(1750861210),
      ),
    )
    const wrongSecret = {
      ...contextAt(1750861210),
      env: { OPENAI_WEBHOOK_SECRET: 'whsec_' + Buffer.from('x'.repeat(32)).toString('base64') },
    }
    await rejection(openaiProvider.verify(request(BODY, HEADERS), wrongSecret))
    for (const header of Object.keys(HEADERS)) {
      const headers: Record<string, string> = { ...HEADERS }
      delete headers[header]
      expect(
        (await rejection(openaiProvider.verify(request(BODY, headers), contextAt(1750861210))))
          .code,
      ).toBe('invalid_signature')
    }
  })

  it('answers invalid_json for a correctly signed body that is not JSON', async () => {
    const body = 'not json'
    const signature = signStandardWebhook(SECRET, 'wh_1', 1750861210, body)
    const error = await rejection(
      openaiProvider.verify(
        request(body, {
          'webhook-id': 'wh_1',
          'webhook-timestamp': '1750861210',
          'webhook-signature': signature,
        }),
        contextAt(1750861210),
      ),
    )
    expect(error).toMatchObject({ code: 'invalid_json', status: 400 })
  })
})
