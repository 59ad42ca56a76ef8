// Reads a node:http request's body up to a limit, for the fast path's handlers.
import type { IncomingMessage } from 'node:http'

// The whole body is read before answering so a keep-alive connection stays usable for the next request;
// a body over the limit is cut at limit + 1 bytes (enough for the handler to answer 413) and the
// connection is closed instead of reading the rest.
export function readBodyUpTo(
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
