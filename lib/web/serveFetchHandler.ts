// Answers a node:http request with a fetch-style handler (Request in, Response out), the way Next would
// call a route handler, without Next's per-request framework work.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { readBodyUpTo } from './readBodyUpTo'
import { readRequestHeaders } from './readRequestHeaders'

/** Reads at most bodyLimitBytes + 1 bytes; the handler must answer 413 for a body over its limit. */
export async function serveFetchHandler(
  request: IncomingMessage,
  response: ServerResponse,
  handler: (request: Request) => Promise<Response>,
  options: { bodyLimitBytes: number },
): Promise<void> {
  const { body, cut } = await readBodyUpTo(request, options.bodyLimitBytes + 1)
  const url = `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`
  const answer = await handler(
    new Request(url, {
      method: request.method,
      headers: readRequestHeaders(request),
      // fetch refuses a body on GET and HEAD; the lists served here read none.
      body:
        request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(body),
    }),
  )
  const answerBody = Buffer.from(await answer.arrayBuffer())
  const responseHeaders: Record<string, string> = {}
  answer.headers.forEach((value, name) => {
    responseHeaders[name] = value
  })
  responseHeaders['content-length'] = String(answerBody.length)
  if (cut) responseHeaders.connection = 'close'
  response.writeHead(answer.status, responseHeaders)
  response.end(answerBody)
}
