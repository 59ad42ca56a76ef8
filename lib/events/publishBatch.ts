// Publishes a batch: each event validated on its own, the valid ones written by one publishEvents call,
// and one result per event in request order.
import type { Payload } from 'payload'

import { ApiError, type ApiErrorIssue } from '@/lib/api/apiError'
import { parseWithSchema } from '@/lib/api/parseInput'
import {
  publishEventInputSchema,
  type PublishEventInput,
  type PublishedEvent,
} from './publishEvent'
import { publishEvents } from './publishEvents'
import { toPublishedEvent, toPublishItemError } from './publishItemResult'

export type BatchItemResult =
  | ({ index: number; ok: true; status: 200 | 201 } & PublishedEvent)
  | {
      index: number
      ok: false
      status: number
      error: { code: string; message: string; issues?: ApiErrorIssue[] }
    }

export type BatchPublishResult = {
  results: BatchItemResult[]
  published: number
  duplicates: number
  failed: number
}

function refuse(index: number, error: ApiError): BatchItemResult {
  return {
    index,
    ok: false,
    status: error.status,
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
    },
  }
}

export async function publishBatch(
  payload: Payload,
  events: unknown[],
  options: { now?: Date } = {},
): Promise<BatchPublishResult> {
  const results: BatchItemResult[] = new Array(events.length)
  const valid: { index: number; input: PublishEventInput }[] = []
  events.forEach((event, index) => {
    try {
      valid.push({ index, input: parseWithSchema(publishEventInputSchema, event) })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      results[index] = refuse(index, error)
    }
  })

  const published = await publishEvents(
    payload,
    valid.map(({ input }) => input),
    options,
  )
  published.forEach((result, position) => {
    const { index } = valid[position]!
    if (!result.ok) return void (results[index] = refuse(index, toPublishItemError(result)))
    const event = toPublishedEvent(result)
    results[index] = { index, ok: true, status: event.duplicate ? 200 : 201, ...event }
  })

  const count = (matches: (result: BatchItemResult) => boolean) => results.filter(matches).length
  return {
    results,
    published: count((result) => result.ok && !result.duplicate),
    duplicates: count((result) => result.ok && result.duplicate),
    failed: count((result) => !result.ok),
  }
}
