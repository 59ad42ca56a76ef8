// Publishing many events at once: each input validated on its own, all valid ones written together.
import type { Payload } from 'payload'

import { ApiError } from '@/lib/api/apiError'
import { publishEvent, type PublishEventInput, type PublishedEvent } from './publishEvent'

export type PublishItemResult =
  | ({ ok: true } & PublishedEvent)
  | { ok: false; error: { code: string; message: string; issues?: unknown[] } }

/** One result per input, in order; one bad input never fails the others. */
export async function publishEvents(
  payload: Payload,
  inputs: PublishEventInput[],
  options: { now?: Date } = {},
): Promise<PublishItemResult[]> {
  const results: PublishItemResult[] = []
  for (const input of inputs) {
    try {
      results.push({ ok: true, ...(await publishEvent(payload, input, options)) })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      results.push({
        ok: false,
        error: { code: error.code, message: error.message, issues: error.issues },
      })
    }
  }
  return results
}
