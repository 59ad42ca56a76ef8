// Reads a request body up to a limit, refusing larger ones without buffering them whole.
import { InboundRejection } from './inboundRejection'

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024

export async function readLimitedBody(request: Request, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limitBytes) {
    throw new InboundRejection(
      'payload_too_large',
      `Body of ${declared} bytes exceeds ${limitBytes} bytes`,
    )
  }
  if (!request.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limitBytes) {
      await reader.cancel()
      throw new InboundRejection('payload_too_large', `Body exceeds ${limitBytes} bytes`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
