// Decides whether one subscription wants one event: its types, then each filter it sets.
import { isDeepStrictEqual } from 'node:util'

import { matchesEventType, matchesGlob } from './eventTypePattern'

export type SubscriptionFilters = {
  job_types?: string[] | null
  job_priorities?: string[] | null
  machine_ids?: string[] | null
  worker_ids?: string[] | null
  custom_filters?: Record<string, unknown> | null
}

export type MatchableSubscription = { event_types: string[]; filters: SubscriptionFilters }

function readPath(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function passesList(list: string[] | null | undefined, value: unknown, match = Object.is): boolean {
  if (!list || list.length === 0) return true
  if (value === undefined || value === null) return false
  return list.some((entry) => match(entry, String(value)))
}

export function matchesFilters(
  filters: SubscriptionFilters,
  data: Record<string, unknown>,
): boolean {
  if (!passesList(filters.job_types, data.job_type)) return false
  if (!passesList(filters.job_priorities, data.priority)) return false
  if (!passesList(filters.machine_ids, data.machine_id, matchesGlob)) return false
  if (!passesList(filters.worker_ids, data.worker_id)) return false
  const custom = filters.custom_filters
  if (custom && typeof custom === 'object') {
    for (const [path, expected] of Object.entries(custom)) {
      if (!isDeepStrictEqual(readPath(data, path), expected)) return false
    }
  }
  return true
}

export function matchesSubscription(
  subscription: MatchableSubscription,
  eventType: string,
  data: Record<string, unknown>,
): boolean {
  return (
    matchesEventType(subscription.event_types, eventType) &&
    matchesFilters(subscription.filters, data)
  )
}
