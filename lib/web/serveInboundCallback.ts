// Answers a provider callback straight from node:http with the same handler the App Router route uses.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

import { handleInboundRoute } from '@/lib/inbound/handleInboundRoute'

export async function serveInboundCallback(
  request: IncomingMessage,
  response: ServerResponse,
  params: { provider: string; jobId?: string },
): Promise<void> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  // Next sets this for its routes; the log records it as the callback's source address.
  if (!headers.has('x-forwarded-for') && request.socket.remoteAddress)
    headers.set('x-forwarded-for', request.socket.remoteAddress)
  const url = `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`
  const webRequest = new Request(url, {
    method: 'POST',
    headers,
    body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' })
  const answer = await handleInboundRoute(webRequest, params)
  const body = Buffer.from(await answer.arrayBuffer())
  const responseHeaders: Record<string, string> = {}
  answer.headers.forEach((value, name) => {
    responseHeaders[name] = value
  })
  responseHeaders['content-length'] = String(body.length)
  response.writeHead(answer.status, responseHeaders)
  response.end(body)
  // A request answered before its body was read (413) must not leave the rest of the upload hanging.
  if (!request.complete) request.resume()
}
