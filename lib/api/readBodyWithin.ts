// Reads a fetch Request's body up to a limit, refusing a larger one (declared or streamed) without
// buffering it whole. The management API and the inbound routes differ only in the error they answer.
import { ApiError } from './apiError'

/** `declaredBytes` is the Content-Length that announced too much, or null when the stream passed it. */
export type TooLargeError = (declaredBytes: number | null) => Error

export async function readBodyBytesWithin(
  request: Request,
  maxBytes: number,
  tooLarge: TooLargeError,
): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared)
  if (!request.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw tooLarge(null)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

export async function readBodyWithin(request: Request, maxBytes: number): Promise<string> {
  const body = await readBodyBytesWithin(
    request,
    maxBytes,
    () => new ApiError('payload_too_large', `The request body exceeds ${maxBytes} bytes.`),
  )
  return body.toString('utf8')
}
