// Issue 11, item 3: a request whose Host header is not a host[:port] gets a 400 JSON answer from the
// production web process, on the callback path and every other, instead of a closed connection.
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

const INVALID_HOSTS = ['a b', '[::1', 'evil.example:99999', 'hub.test/path', '[not:ipv6]']
const ROUTES = [
  ['POST', '/api/v1/webhooks/lastframe'],
  ['POST', '/api/v1/webhooks/events'],
  ['GET', '/api/v1/jobs'],
  ['GET', '/admin'],
]

describe('an invalid Host header', () => {
  for (const host of INVALID_HOSTS) {
    it.each(ROUTES)(
      `answers %s %s with 400 invalid_host for Host "${host}"`,
      async (method, path) => {
        const answer = await sendRawHttp(
          web.port,
          `${method} ${path} HTTP/1.1\r\nHost: ${host}`,
          '{}',
        )
        expect(answer).toMatchObject({
          answered: true,
          status: 400,
          body: { success: false, error: { code: 'invalid_host' } },
        })
      },
    )
  }

  it.each(['hub.test', 'localhost:3000', '127.0.0.1:8080', '[::1]:3000', '[::1]'])(
    'lets a valid Host "%s" through to the callback route',
    async (host) => {
      const answer = await sendRawHttp(
        web.port,
        `POST /api/v1/webhooks/lastframe HTTP/1.1\r\nHost: ${host}\r\ncontent-type: application/json`,
        '{}',
      )
      expect(answer).toMatchObject({ answered: true, status: 401 })
    },
  )
})
