// Issue 11, item 13: a callback is read as JSON only when it says it is JSON. Every built-in provider
// sends application/json (PROVIDERS.md); text/plain, forms, other charsets or no Content-Type at all are
// answered 415 and stored as rejected, never processed.
import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.LASTFRAME_WEBHOOK_SECRET = 'lastframe-content-type-secret'
})

import { isJsonContentType } from '@/lib/inbound/isJsonContentType'
import { bootHub } from '../helpers/bootHub'
import { postInbound } from '../helpers/postInbound'
import { sendRawHttp } from '../helpers/sendRawHttp'
import { startWebListener } from '../helpers/startWebListener'

let payload: Payload
let web: Awaited<ReturnType<typeof startWebListener>>

beforeAll(async () => {
  payload = await bootHub()
  web = await startWebListener()
})
afterAll(() => web.close())

function signedCallback(jobId: string) {
  const body = `{"job_id":"${jobId}","status":"completed"}`
  const signature = createHmac('sha256', 'lastframe-content-type-secret').update(body).digest('hex')
  return { body, signature }
}

describe('a correctly signed callback', () => {
  it.each([
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/xml',
    '*/*',
  ])('is answered 415 and stored as rejected when sent as %s', async (contentType) => {
    const jobId = `lf_ct_${contentType.replace(/\W/g, '_')}`
    const { body, signature } = signedCallback(jobId)
    const response = await postInbound('lastframe', body, {
      headers: { 'content-type': contentType, 'x-lastframe-signature': signature },
    })
    expect(response.status).toBe(415)
    expect(response.body.error.code).toBe('unsupported_media_type')
    const stored = await payload.find({
      collection: 'webhook-logs',
      where: { rejection_reason: { like: 'unsupported_media_type' } },
      sort: '-id',
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    expect(stored.docs[0]).toMatchObject({ status: 'rejected', verified: false })
  })

  it('is answered 415 on the production fast path when it has no Content-Type', async () => {
    const { body, signature } = signedCallback('lf_ct_missing')
    const answer = await sendRawHttp(
      web.port,
      `POST /api/v1/webhooks/lastframe HTTP/1.1\r\nHost: hub.test\r\nx-lastframe-signature: ${signature}`,
      body,
    )
    expect(answer).toMatchObject({
      answered: true,
      status: 415,
      body: { error: { code: 'unsupported_media_type' } },
    })
  })

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON; charset="UTF-8"',
  ])('is accepted when sent as %s', async (contentType) => {
    const { body, signature } = signedCallback(`lf_ct_ok_${contentType.length}`)
    const response = await postInbound('lastframe', body, {
      headers: { 'content-type': contentType, 'x-lastframe-signature': signature },
    })
    expect(response.status).toBe(200)
  })
})

describe('isJsonContentType', () => {
  it('accepts structured +json types (custom sources, e.g. CloudEvents)', () => {
    expect(isJsonContentType('application/cloudevents+json')).toBe(true)
    expect(isJsonContentType('application/json, application/json')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
    expect(isJsonContentType('')).toBe(false)
  })
})
