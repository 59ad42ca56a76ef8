// SQLite job-state store: one IMMEDIATE transaction per batch on a connection of its own (the worker's
// store thread): read the jobs it touches, apply every update in arrival order, store the job.* events
// once with their deliveries, and mark the finished logs, then commit.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import type { DocumentId, NewDelivery, NewEvent } from '@/lib/delivery/deliveryTypes'
import {
  buildDeliveryInsert,
  buildEventInsert,
  chunk,
  INSERT_CHUNK_ROWS,
} from '@/lib/delivery/store/sqliteEventRows'
import { matchesSubscription } from '@/lib/events/matchSubscription'
import { buildDelivery, buildEvent, generateEventId } from '@/lib/events/publishEvent'
import { buildLogOutcomeUpdate } from '@/lib/inbound/store/sqliteInboundLogStore'
import type { LogOutcome } from '@/lib/inbound/store/inboundLogStore'
import type { NormalizedJobUpdate } from '@/lib/inbound/normalizedJobUpdate'
import type { ActiveSubscription } from '@/lib/subscriptions/loadActiveSubscriptions'
import type { Job } from '@/payload-types'
import { computeJobUpdate, isJobIdShape, toJobEventData } from '../computeJobUpdate'
import type { JobStateStore, JobUpdateItem, JobUpdateItemResult } from './jobStateStore'
import { insertJob, readJobs, updateJob } from './sqliteJobRows'

type Client = SQLiteAdapter['client']

/** The jobs of one batch by our id and by provider + external id, kept current as updates apply. */
function createJobIndex(jobs: Job[]) {
  const byId = new Map<number, Job>()
  const byExternal = new Map<string, Job>()
  const externalKey = (provider: string, externalId: string) => `${provider}\u0000${externalId}`
  const remember = (job: Job) => {
    byId.set(Number(job.id), job)
    if (job.external_id) byExternal.set(externalKey(job.provider, job.external_id), job)
  }
  jobs.forEach(remember)
  return {
    remember,
    find(update: NormalizedJobUpdate): Job | null {
      if (update.job_id && isJobIdShape(update.job_id)) {
        const job = byId.get(Number(update.job_id))
        if (job) return job
      }
      return byExternal.get(externalKey(update.provider, update.external_job_id)) ?? null
    },
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function createSqliteJobStateStore(client: Client): JobStateStore {
  const applyInTransaction = async (
    items: JobUpdateItem[],
    subscriptions: ActiveSubscription[],
    now: Date,
  ) => {
    const nowIso = now.toISOString()
    const jobs = createJobIndex(
      await readJobs(
        client,
        items
          .map((item) => item.update.job_id)
          .filter((id): id is string => id !== null && /^\d{1,18}$/.test(id))
          .map(Number),
        items.map((item) => item.update.external_job_id),
      ),
    )
    const events: NewEvent[] = []
    const deliveries: NewDelivery[] = []
    const results: JobUpdateItemResult[] = []
    for (const item of items) {
      try {
        const existing = jobs.find(item.update)
        const decision = computeJobUpdate(existing, item.update, now)
        if (!decision.applied) {
          results.push({
            logId: item.logId,
            ok: true,
            job: existing!,
            applied: false,
            reason: decision.reason,
            eventType: null,
          })
          continue
        }
        const job = existing
          ? await updateJob(client, Number(existing.id), decision.change, nowIso)
          : await insertJob(client, decision.change, nowIso)
        jobs.remember(job)
        if (decision.eventType) {
          const event = buildEvent({
            eventId: generateEventId(),
            eventType: decision.eventType,
            data: toJobEventData(job),
          })
          events.push(event)
          for (const subscription of subscriptions) {
            if (matchesSubscription(subscription, event.eventType, event.data))
              deliveries.push(buildDelivery(subscription, event, now))
          }
        }
        results.push({
          logId: item.logId,
          ok: true,
          job,
          applied: true,
          eventType: decision.eventType,
        })
      } catch (error) {
        // A statement that fails inside a transaction undoes only itself: the rest of the batch goes on.
        results.push({ logId: item.logId, ok: false, error: describe(error) })
      }
    }
    const counts = new Map<string, number>()
    for (const row of deliveries) counts.set(row.eventId, (counts.get(row.eventId) ?? 0) + 1)
    for (const rows of chunk(events, INSERT_CHUNK_ROWS))
      await client.execute(buildEventInsert(rows, counts, nowIso))
    for (const rows of chunk(deliveries, INSERT_CHUNK_ROWS))
      await client.execute(buildDeliveryInsert(rows, nowIso))
    const finished: LogOutcome[] = []
    items.forEach((item, index) => {
      if (!item.finishLog) return
      const result = results[index]
      finished.push({
        id: item.logId,
        status: result.ok ? 'processed' : 'error',
        error: result.ok ? null : `Handler job-state failed: ${result.error}`,
        normalized: item.update,
        jobId: result.ok && result.job ? (result.job.id as DocumentId) : null,
      })
    })
    if (finished.length > 0) await client.execute(buildLogOutcomeUpdate(finished, now))
    return { results, deliveriesCreated: deliveries.length }
  }

  return {
    async applyJobUpdates(items, subscriptions, now) {
      if (items.length === 0) return { results: [], deliveriesCreated: 0 }
      await client.execute('BEGIN IMMEDIATE')
      try {
        const outcome = await applyInTransaction(items, subscriptions, now)
        await client.execute('COMMIT')
        return outcome
      } catch (error) {
        await client.execute('ROLLBACK').catch(() => undefined)
        throw error
      }
    },
  }
}
