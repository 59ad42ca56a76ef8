// The checks every callback passes before its provider verifies and parses it: a bounded nesting depth
// (its size is bounded when it is read, INBOUND_BODY_LIMIT_BYTES).
import { InboundRejection } from './inboundRejection'
import { MAX_JSON_DEPTH, measureJsonDepth } from './measureJsonDepth'

export function rejectUnreadableBody(_headers: Record<string, string>, rawBody: Buffer): void {
  if (measureJsonDepth(rawBody) > MAX_JSON_DEPTH) {
    throw new InboundRejection(
      'payload_too_deep',
      `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`,
    )
  }
}
