// A callback body as a log stores it: readable text always, and the exact bytes (base64) beside it when
// they are not valid UTF-8, since decoding turns each invalid byte into U+FFFD and the text alone would no
// longer match the signature.
import { isUtf8 } from 'node:buffer'

export type StoredBody = {
  rawBody: string
  /** Set only when `rawBody` is not the exact bytes. */
  rawBodyBase64: string | null
  /** Bytes received, which may exceed the bytes stored (a rejected body's excerpt). */
  rawBodySize: number
}

export function toStoredBody(bytes: Buffer, receivedSize = bytes.length): StoredBody {
  return {
    rawBody: bytes.toString('utf8'),
    rawBodyBase64: isUtf8(bytes) ? null : bytes.toString('base64'),
    rawBodySize: receivedSize,
  }
}

/** The exact bytes a log stored, or null when it stored none. */
export function readStoredBodyBytes(log: {
  rawBody: string | null
  rawBodyBase64: string | null
}): Buffer | null {
  if (log.rawBodyBase64 !== null) return Buffer.from(log.rawBodyBase64, 'base64')
  return log.rawBody === null ? null : Buffer.from(log.rawBody, 'utf8')
}
