// Applies one normalized update to its job through Payload's Local API (any database adapter) and
// publishes the job.* event it causes. The worker's batched path is lib/jobs/store/sqliteJobStateStore.ts;
// both decide with computeJobUpdate.
import type { Payload } from 'payload'

import { publishEvent } from '@/lib/events/publishEvent'
import type { NormalizedJobUpdate } from '@/lib/inbound/normalizedJobUpdate'
import type { Job } from '@/payload-types'
import { computeJobUpdate, isJobIdShape, toJobEventData } from './computeJobUpdate'

export type JobUpdateOutcome = {
  job: Job
  applied: boolean
  reason?: string
  eventType: string | null
  deliveriesCreated: number
}

async function findJob(payload: Payload, update: NormalizedJobUpdate): Promise<Job | null> {
  if (update.job_id && isJobIdShape(update.job_id)) {
    const byId = await payload.find({
      collection: 'jobs',
      where: { id: { equals: update.job_id } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (byId.docs[0]) return byId.docs[0]
  }
  const byExternal = await payload.find({
    collection: 'jobs',
    where: {
      and: [
        { provider: { equals: update.provider } },
        { external_id: { equals: update.external_job_id } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return byExternal.docs[0] ?? null
}

export async function applyJobUpdate(
  payload: Payload,
  update: NormalizedJobUpdate,
  now: Date,
  /** Written in the same update when it applies (the orphan poller's counters). */
  alsoWrite: Partial<Job> = {},
): Promise<JobUpdateOutcome> {
  const existing = await findJob(payload, update)
  const decision = computeJobUpdate(existing, update, now)
  if (!decision.applied) {
    return {
      job: existing!,
      applied: false,
      reason: decision.reason,
      eventType: null,
      deliveriesCreated: 0,
    }
  }
  const job = existing
    ? await payload.update({
        collection: 'jobs',
        id: existing.id,
        data: { ...decision.change, ...alsoWrite },
        overrideAccess: true,
        depth: 0,
      })
    : await payload.create({
        collection: 'jobs',
        data: decision.change,
        overrideAccess: true,
        depth: 0,
      })
  const published = decision.eventType
    ? await publishEvent(
        payload,
        { event_type: decision.eventType, data: toJobEventData(job) },
        { now },
      )
    : null
  return {
    job,
    applied: true,
    eventType: decision.eventType,
    deliveriesCreated: published?.deliveries_created ?? 0,
  }
}
