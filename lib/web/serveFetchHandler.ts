// Answers a node:http request with a fetch-style handler (Request in, Response out), the way Next would
// call a route handler, without Next's per-request framework work.
import type { IncomingMessage, ServerResponse } from 'node:http'

// The whole body is read before answering so a keep-alive connection stays usable for the next request;
// a body over the limit is cut at limit + 1 bytes (enough for the handler to answer 413) and the
// connection is closed instead of reading the rest.
function readBodyUpTo(
  request: IncomingMessage,
  maxBytes: number,
): Promise<{ body: Buffer; cut: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size <= maxBytes) return
      request.off('data', onData)
      request.pause()
      resolve({ body: Buffer.concat(chunks).subarray(0, maxBytes), cut: true })
    }
    request.on('data', onData)
    request.once('end', () => resolve({ body: Buffer.concat(chunks), cut: false }))
    request.once('error', reject)
    request.once('aborted', () => reject(new Error('client aborted the request')))
  })
}

function toFetchHeaders(request: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  // Next sets this for its routes; the inbound log records it as the callback's source address.
  if (!headers.has('x-forwarded-for') && request.socket.remoteAddress)
    headers.set('x-forwarded-for', request.socket.remoteAddress)
  return headers
}

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
      headers: toFetchHeaders(request),
      body: new Uint8Array(body),
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
