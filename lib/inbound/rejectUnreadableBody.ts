// The checks every callback passes before its provider verifies and parses it: a JSON content type and a
// bounded nesting depth (its size is bounded when it is read, INBOUND_BODY_LIMIT_BYTES).
import { InboundRejection } from './inboundRejection'
import { isJsonContentType } from './isJsonContentType'
import { MAX_JSON_DEPTH, measureJsonDepth } from './measureJsonDepth'

const SHOWN_CONTENT_TYPE_CHARS = 100

export function rejectUnreadableBody(headers: Record<string, string>, rawBody: Buffer): void {
  const contentType = headers['content-type']
  if (!isJsonContentType(contentType)) {
    const shown =
      contentType === undefined ? 'none' : `"${contentType.slice(0, SHOWN_CONTENT_TYPE_CHARS)}"`
    throw new InboundRejection(
      'unsupported_media_type',
      `Callbacks must be sent as application/json (UTF-8); Content-Type was ${shown}`,
    )
  }
  if (measureJsonDepth(rawBody) > MAX_JSON_DEPTH) {
    throw new InboundRejection(
      'payload_too_deep',
      `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`,
    )
  }
}
