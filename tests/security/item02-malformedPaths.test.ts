// Issue 11, item 2: a path with malformed percent-encoding is refused with a 400 JSON error by the
// production web process, before any route (Next, Payload or the fast path) tries to decode it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootHub } from '../helpers/bootHub'
import { sendRawHttp } from '../helpers/sendRawHttp'
import { startWebListener } from '../helpers/startWebListener'

let web: Awaited<ReturnType<typeof startWebListener>>

beforeAll(async () => {
  await bootHub()
  web = await startWebListener()
})
afterAll(() => web.close())

describe('a path with malformed percent-encoding', () => {
  it.each([
    ['POST', '/api/v1/webhooks/%ZZ'],
    ['POST', '/api/v1/webhooks/fal/%C3'],
    ['GET', '/api/v1/jobs/%C3'],
    ['GET', '/admin/%C3'],
    ['GET', '/api/users/%C3'],
    ['DELETE', '/api/v1/webhooks/subscriptions/%E0%A4%A?x=1'],
  ])('answers %s %s with 400 invalid_path and reaches no route', async (method, path) => {
    const answer = await sendRawHttp(web.port, `${method} ${path} HTTP/1.1\r\nHost: hub.test`, '{}')
    expect(answer).toMatchObject({
      answered: true,
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: { success: false, error: { code: 'invalid_path' } },
    })
    expect(web.reachedNext).not.toContain(path)
  })

  it('still hands well-formed encoded paths to Next', async () => {
    const answer = await sendRawHttp(web.port, 'GET /admin/caf%C3%A9 HTTP/1.1\r\nHost: hub.test')
    expect(answer).toMatchObject({ answered: true, status: 500 })
    expect(web.reachedNext).toContain('/admin/caf%C3%A9')
  })
})
