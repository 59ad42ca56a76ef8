// The seeds' names for subscription fields, mapped onto the hub's: `events` (seed 001), `event_type` and
// `target_url` (seed 002). A name the request leaves out is derived; two names that disagree are a 400.
import type { z } from 'zod'

import type { DeliveryFormatName } from '@/lib/delivery/formats/deliveryFormats'
import type { SubscriptionFields } from './subscriptionInputSchema'

type AliasedFields = Omit<SubscriptionFields, 'secret'> & { secret?: string }

type Mode = 'create' | 'change'

const NAME_MAX_LENGTH = 200

function sameSet(left: unknown, right: unknown): boolean {
  if (!Array.isArray(left) || !Array.isArray(right)) return false
  const leftSet = new Set(left.map(String))
  const rightSet = new Set(right.map(String))
  return leftSet.size === rightSet.size && [...leftSet].every((entry) => rightSet.has(entry))
}

function eventTypeLists(fields: AliasedFields): [string, unknown][] {
  const lists: [string, unknown][] = []
  if (fields.event_types !== undefined) lists.push(['event_types', fields.event_types])
  if (fields.events !== undefined) lists.push(['events', fields.events])
  if (fields.event_type !== undefined) lists.push(['event_type', [fields.event_type]])
  return lists
}

/** Runs on the request as sent, even when a field failed its own schema. */
export function checkSeedAliases(mode: Mode) {
  return (fields: AliasedFields, context: z.RefinementCtx) => {
    if (fields.url !== undefined && fields.target_url !== undefined) {
      if (fields.url !== fields.target_url) {
        context.addIssue({
          code: 'custom',
          path: ['target_url'],
          message: 'url and target_url name the same field and disagree; send one of them',
        })
      }
    } else if (mode === 'create' && fields.url === undefined && fields.target_url === undefined) {
      context.addIssue({ code: 'custom', path: ['url'], message: 'Required (or target_url)' })
    }
    const lists = eventTypeLists(fields)
    const [first, ...others] = lists
    for (const [name, list] of others) {
      if (!sameSet(first[1], list)) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: `${first[0]} and ${name} name the same field and disagree; send one of them`,
        })
      }
    }
    if (mode === 'create' && lists.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['event_types'],
        message: 'Required (or events, or event_type)',
      })
    }
  }
}

/** A name for a subscription registered without one: the target's host and what it receives. */
export function deriveSubscriptionName(url: string, eventTypes: readonly string[]): string {
  return `${new URL(url).host} ${eventTypes.join(', ')}`.slice(0, NAME_MAX_LENGTH)
}

// A registration shaped like seed 002's expects seed 002's deliveries.
function isSeed002Shaped(fields: AliasedFields): boolean {
  return fields.target_url !== undefined || fields.event_type !== undefined
}

function withoutAliases(fields: AliasedFields) {
  const { target_url: targetUrl, events, event_type: eventType, ...rest } = fields
  return {
    rest,
    url: fields.url ?? targetUrl,
    eventTypes: fields.event_types ?? events ?? (eventType === undefined ? undefined : [eventType]),
  }
}

export function resolveSeedAliases(fields: AliasedFields, mode: 'create'): CreateFields
export function resolveSeedAliases(fields: AliasedFields, mode: 'change'): ChangeFields
export function resolveSeedAliases(fields: AliasedFields, mode: Mode): CreateFields | ChangeFields {
  const { rest, url, eventTypes } = withoutAliases(fields)
  if (mode === 'change') {
    return {
      ...rest,
      ...(url === undefined ? {} : { url }),
      ...(eventTypes === undefined ? {} : { event_types: eventTypes }),
    }
  }
  // checkSeedAliases made sure of both; a transform runs only on input that passed it.
  const target = url as string
  const types = eventTypes as string[]
  const format: DeliveryFormatName =
    fields.format ?? (isSeed002Shaped(fields) ? 'corp-astro' : 'standard')
  return {
    ...rest,
    name: fields.name ?? deriveSubscriptionName(target, types),
    url: target,
    event_types: types,
    format,
  }
}

type ChangeFields = Omit<AliasedFields, 'target_url' | 'events' | 'event_type'>
type CreateFields = ChangeFields & {
  name: string
  url: string
  event_types: string[]
  format: DeliveryFormatName
}
