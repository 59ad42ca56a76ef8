// The one check every write of a subscription passes, whichever way it comes (management API, Payload
// REST, admin): the shape of each field sent, through the schemas the management API parses with, then
// the target URL (SSRF guard) and the event types (catalog). Throws ApiError validation_error.
import type { Payload, PayloadRequest } from 'payload'
import { z } from 'zod'

import type { ApiErrorIssue } from '@/lib/api/apiError'
import { invalidInput, parseWithSchema } from '@/lib/api/parseInput'
import { readEnv } from '@/lib/config/env'
import { createSsrfGuard } from '@/lib/delivery/ssrf/createSsrfGuard'
import { TargetRefusedError } from '@/lib/delivery/ssrf/targetRefusedError'
import {
  findUnknownEventTypePatterns,
  listCatalogEventTypeNames,
} from '@/lib/events/findUnknownEventTypePatterns'
import {
  customFiltersSchema,
  subscriptionEventTypesSchema,
  subscriptionHeadersSchema,
} from './subscriptionInputSchema'

// Payload REST and the admin send stored shapes: nulls for empty fields, extra keys beside these.
const subscriptionWriteSchema = z.looseObject({
  url: z.string().max(2048).optional(),
  event_types: subscriptionEventTypesSchema.optional(),
  headers: subscriptionHeadersSchema.nullish(),
  filters: z.looseObject({ custom_filters: customFiltersSchema.nullish() }).nullish(),
})

async function findUrlIssue(url: string): Promise<ApiErrorIssue | null> {
  const guard = createSsrfGuard({ allowPrivateTargets: readEnv().ALLOW_PRIVATE_TARGETS })
  try {
    await guard.assertDeliverableUrl(url)
    return null
  } catch (error) {
    if (!(error instanceof TargetRefusedError)) throw error
    return { path: 'url', message: error.message, code: error.code }
  }
}

async function findEventTypeIssues(
  payload: Payload,
  patterns: readonly string[],
  req?: PayloadRequest,
): Promise<ApiErrorIssue[]> {
  const catalog = await listCatalogEventTypeNames(payload, req)
  const unknown = new Set(findUnknownEventTypePatterns(patterns, catalog))
  return patterns.flatMap((pattern, index) =>
    unknown.has(pattern)
      ? [
          {
            path: `event_types.${index}`,
            message: `"${pattern}" matches no event type in the catalog; known types: ${catalog.join(', ')}`,
            code: 'unknown_event_type',
          },
        ]
      : [],
  )
}

/** `data` is what the write sends: for an update, only the fields it changes are checked. */
export async function validateSubscriptionWrite(
  payload: Payload,
  data: unknown,
  req?: PayloadRequest,
): Promise<void> {
  const { url, event_types: eventTypes } = parseWithSchema(subscriptionWriteSchema, data ?? {})
  const issues = [
    ...(url === undefined ? [] : [await findUrlIssue(url)]),
    ...(eventTypes === undefined ? [] : await findEventTypeIssues(payload, eventTypes, req)),
  ].filter((issue): issue is ApiErrorIssue => issue !== null)
  if (issues.length > 0) throw invalidInput(issues)
}
