// What a client may send to create or change a subscription; shared by the API, the docs and the tests.
import { z } from 'zod'

import { boundedJsonObject } from '@/lib/api/boundedJsonObject'
import {
  DELIVERY_FORMAT_NAMES,
  PROTECTED_HEADER_NAMES,
} from '@/lib/delivery/formats/deliveryFormats'
import { EVENT_TYPE_PATTERN } from '@/lib/events/eventTypePattern'
import { retryConfigSchema } from '@/lib/model/retryConfig'
import { subscriberSecretSchema } from '@/lib/signing/subscriberSecret'
import { checkSeedAliases, resolveSeedAliases } from './seedFieldAliases'

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
  // Matched against the event's `data.priority`, compared as text: seed 001 sends numbers, the hub strings.
  job_priorities: z
    .array(z.union([z.string().min(1).max(50), z.number().finite()]).transform(String))
    .max(100)
    .describe(
      "Keeps events whose data.priority is one of these; numbers and strings compare as text (1 matches 1 and '1')",
    )
    .optional(),
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

const eventTypePatternSchema = z
  .string()
  .max(200)
  .regex(EVENT_TYPE_PATTERN, 'Use an event type such as job.completed, job.* or *')

export const subscriptionEventTypesSchema = z
  .array(eventTypePatternSchema)
  .min(1, 'Subscribe to at least one event type')
  .max(100)

const subscriptionUrlSchema = z
  .url({ protocol: /^https?$/, message: 'Must be an http(s) URL' })
  .max(2048)

/**
 * Every field a client may send, under the hub's names and the seeds' (events: seed 001; event_type,
 * target_url, client_id: seed 002). seedFieldAliases turns them into the hub's names.
 */
export const subscriptionFieldsSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .describe('Derived from the target host and event types when left out')
    .optional(),
  url: subscriptionUrlSchema.optional(),
  target_url: subscriptionUrlSchema.describe("Seed 002's name for url").optional(),
  description: z.string().max(2000).optional(),
  event_types: subscriptionEventTypesSchema.optional(),
  events: subscriptionEventTypesSchema.describe("Seed 001's name for event_types").optional(),
  event_type: eventTypePatternSchema
    .describe("Seed 002's single event type: the same as event_types: [event_type]")
    .optional(),
  filters: subscriptionFiltersSchema.optional(),
  headers: subscriptionHeadersSchema.optional(),
  retry_config: retryConfigSchema
    .partial()
    .describe(
      "Unset fields take the format's defaults: standard 3 attempts from 1 s (x2, max 30 s), corp-astro 5 from 30 s (x2, max 240 s)",
    )
    .optional(),
  disable_after_failing_ms: z
    .number()
    .int()
    .min(60_000)
    .max(30 * 24 * 60 * 60 * 1000)
    .optional(),
  active: z.boolean().optional(),
  format: z
    .enum(DELIVERY_FORMAT_NAMES)
    .describe(
      'standard (default): hub envelope, Standard Webhooks and X-Webhook-* headers; corp-astro: seed 002 body and X-Corp-Astro-* headers. Implied corp-astro when target_url or event_type is sent',
    )
    .optional(),
  client_id: z
    .string()
    .min(1)
    .max(200)
    .describe('Whose subscription this is; list them with ?client_id=')
    .optional(),
  secret: subscriberSecretSchema
    .describe(
      'Generated (whsec_…) when left out. Any 8-512 printable ASCII characters otherwise: X-Webhook-Signature and X-Corp-Astro-Signature are keyed by its characters, Standard Webhooks by its UTF-8 bytes (or, for whsec_, the base64-decoded bytes)',
    )
    .optional(),
})

export type SubscriptionFields = z.infer<typeof subscriptionFieldsSchema>

// The alias checks run even when a field is malformed, so that one 400 lists every problem.
const always = { when: () => true }

export const subscriptionCreateSchema = subscriptionFieldsSchema
  .superRefine(checkSeedAliases('create'), always)
  .transform((fields) => resolveSeedAliases(fields, 'create'))

export type SubscriptionCreateInput = z.infer<typeof subscriptionCreateSchema>

/**
 * PUT replaces every field, PATCH changes only the fields sent. Either may carry the secret, as seed 001's
 * clients send their whole configuration: the same secret changes nothing, another one is a rotation.
 */
export const subscriptionReplaceSchema = subscriptionCreateSchema

export const subscriptionPatchSchema = subscriptionFieldsSchema
  .superRefine(checkSeedAliases('change'), always)
  .transform((fields) => resolveSeedAliases(fields, 'change'))

export type SubscriptionPatchInput = z.infer<typeof subscriptionPatchSchema>

export const rotateSecretInputSchema = z.object({ secret: subscriberSecretSchema.optional() })

export const recoverInputSchema = z.object({ since: z.iso.datetime({ offset: true }) })
