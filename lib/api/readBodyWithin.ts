// Reads a request body as text, answering 413 once it passes a limit instead of buffering it whole.
import { ApiError } from './apiError'

function tooLarge(maxBytes: number): ApiError {
  return new ApiError('payload_too_large', `The request body exceeds ${maxBytes} bytes.`)
}

export async function readBodyWithin(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes)
  if (!request.body) return ''
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
