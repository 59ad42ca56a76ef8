// Header values are stored sealed (sealed_headers) and shown as hints (headers), whatever path wrote them;
// sealed_headers is never taken from a client.
import type { CollectionBeforeChangeHook } from 'payload'

import { sealHeaders } from '@/lib/subscriptions/sealedHeaders'

export const sealHeaderValues: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const rest = { ...data }
  delete rest.sealed_headers
  if (rest.headers === undefined) return rest
  const { hints, sealed } = sealHeaders(
    rest.headers,
    { hints: originalDoc?.headers, sealed: originalDoc?.sealed_headers },
    req.payload.secret,
  )
  return { ...rest, headers: hints, sealed_headers: sealed }
}
