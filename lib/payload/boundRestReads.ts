// Payload's REST API reads page by page within a bounded size, like the management API: `limit=0` or
// `pagination=false` would otherwise answer every row (raw callback bodies included) in one response.
import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

// 250: what the admin itself asks for when it loads the related documents of a list's column.
export const MAX_REST_PAGE_SIZE = 250

function refuse(message: string): never {
  throw new APIError(message, 400, null, true)
}

function isWholeNumberWithin(raw: unknown, min: number, max: number): boolean {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

// The request's own query is checked, not the operation's arguments: Payload's internal reads made with the
// same request (the API-key lookup asks for `pagination: false`) are the Local API's business.
export const refuseUnboundedRestReads: CollectionBeforeOperationHook = ({
  args,
  operation,
  req,
}) => {
  // Local API calls (the hub's own code, the admin's server-rendered views) choose their own sizes.
  if (req.payloadAPI !== 'REST' || (operation !== 'read' && operation !== 'readDistinct'))
    return args
  const { limit, page, pagination } = req.query ?? {}
  if (pagination !== undefined && String(pagination) === 'false')
    refuse('pagination=false is not allowed: page with limit and page.')
  if (limit !== undefined && !isWholeNumberWithin(limit, 1, MAX_REST_PAGE_SIZE))
    refuse(
      `limit must be a whole number from 1 to ${MAX_REST_PAGE_SIZE} (got ${JSON.stringify(limit)}).`,
    )
  if (page !== undefined && !isWholeNumberWithin(page, 1, Number.MAX_SAFE_INTEGER))
    refuse(`page must be a whole number from 1 (got ${JSON.stringify(page)}).`)
  return args
}

export function withBoundedRestReads(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [refuseUnboundedRestReads, ...(hooks.beforeOperation ?? [])],
    },
  }
}
