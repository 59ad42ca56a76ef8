// Reads a callback's body up to a limit, refusing larger ones without buffering them whole.
import { readBodyBytesWithin } from '@/lib/api/readBodyWithin'
import { InboundRejection } from './inboundRejection'

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024

export function readLimitedBody(request: Request, limitBytes: number): Promise<Buffer> {
  return readBodyBytesWithin(
    request,
    limitBytes,
    (declared) =>
      new InboundRejection(
        'payload_too_large',
        declared === null
          ? `Body exceeds ${limitBytes} bytes`
          : `Body of ${declared} bytes exceeds ${limitBytes} bytes`,
      ),
  )
}
