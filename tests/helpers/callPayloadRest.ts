// Calls Payload's own REST API (/api/<collection>…) through its real route handlers, as Next would.
import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}

// Tests read into the JSON freely; the shapes themselves are what they assert.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any

/** `path` is below /api, e.g. `webhooks/3?depth=0`; `apiKey` signs in as that user. */
export async function callPayloadRest(
  method: keyof typeof handlers,
  path: string,
  options: { apiKey?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: JsonBody }> {
  const url = new URL(`/api/${path}`, 'http://hub.test')
  const headers = new Headers()
  if (options.apiKey) headers.set('authorization', `users API-Key ${options.apiKey}`)
  const body =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  if (body !== undefined) headers.set('content-type', 'application/json')
  const request = new Request(url, { method, headers, body })
  const slug = url.pathname.slice('/api/'.length).split('/')
  const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}
