// What a client may send to create or change a subscription; shared by the API, the docs and the tests.
import { z } from 'zod'

import { boundedJsonObject } from '@/lib/api/boundedJsonObject'
import { PROTECTED_HEADER_NAMES } from '@/lib/delivery/buildDeliveryRequest'
import { EVENT_TYPE_PATTERN } from '@/lib/events/eventTypePattern'
import { retryConfigSchema } from '@/lib/model/retryConfig'
import { WEBHOOK_SECRET_PATTERN } from '@/lib/signing/generateWebhookSecret'

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/
// Visible ASCII, spaces and tabs inside; no CR, LF or other control character (RFC 9110 field-value).
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

export const SUBSCRIPTION_LIMITS = {
  bodyBytes: 64 * 1024,
  headers: 50,
  headerValueLength: 4096,
  customFilters: { maxDepth: 32, maxEntries: 200, maxBytes: 16 * 1024 },
} as const

export const customFiltersSchema = boundedJsonObject(
  SUBSCRIPTION_LIMITS.customFilters,
  z.string().min(1).max(200),
)

export const subscriptionFiltersSchema = z.object({
  job_types: z.array(z.string().min(1).max(200)).max(100).optional(),
  job_priorities: z.array(z.string().min(1).max(50)).max(100).optional(),
  machine_ids: z.array(z.string().min(1).max(200)).max(100).optional(),
  worker_ids: z.array(z.string().min(1).max(200)).max(100).optional(),
  custom_filters: customFiltersSchema.optional(),
})

export const subscriptionHeadersSchema = z
  .record(
    z.string().max(256).regex(HEADER_NAME, 'Not a valid header name'),
    z
      .string()
      .max(SUBSCRIPTION_LIMITS.headerValueLength)
      .regex(HEADER_VALUE, 'Header values may not contain CR, LF or other control characters'),
  )
  .refine((headers) => Object.keys(headers).length <= SUBSCRIPTION_LIMITS.headers, {
    message: `At most ${SUBSCRIPTION_LIMITS.headers} headers`,
  })
  .refine(
    (headers) =>
      Object.keys(headers).every((name) => !PROTECTED_HEADER_NAMES.has(name.toLowerCase())),
    {
      message:
        'Signature, identity and content headers are set by the hub and cannot be overridden',
    },
  )

export const subscriptionEventTypesSchema = z
  .array(
    z
      .string()
      .max(200)
      .regex(EVENT_TYPE_PATTERN, 'Use an event type such as job.completed, job.* or *'),
  )
  .min(1, 'Subscribe to at least one event type')
  .max(100)

export const subscriptionCreateSchema = z.object({
  name: z.string().min(1).max(200),
  url: z.url({ protocol: /^https?$/, message: 'Must be an http(s) URL' }).max(2048),
  description: z.string().max(2000).optional(),
  event_types: subscriptionEventTypesSchema,
  filters: subscriptionFiltersSchema.optional(),
  headers: subscriptionHeadersSchema.optional(),
  retry_config: retryConfigSchema.partial().optional(),
  disable_after_failing_ms: z
    .number()
    .int()
    .min(60_000)
    .max(30 * 24 * 60 * 60 * 1000)
    .optional(),
  active: z.boolean().optional(),
  secret: z.string().regex(WEBHOOK_SECRET_PATTERN, 'Must look like whsec_<base64>').optional(),
})

export type SubscriptionCreateInput = z.infer<typeof subscriptionCreateSchema>

/** PUT replaces every field but the secret (rotate it instead); PATCH changes only the fields sent. */
export const subscriptionReplaceSchema = subscriptionCreateSchema.omit({ secret: true })
export const subscriptionPatchSchema = subscriptionReplaceSchema.partial()

export type SubscriptionPatchInput = z.infer<typeof subscriptionPatchSchema>

export const rotateSecretInputSchema = z.object({
  secret: z.string().regex(WEBHOOK_SECRET_PATTERN, 'Must look like whsec_<base64>').optional(),
})

export const recoverInputSchema = z.object({ since: z.iso.datetime({ offset: true }) })
