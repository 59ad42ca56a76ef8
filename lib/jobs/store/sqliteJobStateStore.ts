// SQLite job-state store: one IMMEDIATE transaction per batch on a connection of its own (the worker's
// store thread): read the jobs it touches, apply every update in arrival order in memory, then write the
// new and changed jobs, the job.* events (stored once), their deliveries and the finished logs with one
// statement each, and commit.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import type { DocumentId, NewDelivery, NewEvent } from '@/lib/delivery/deliveryTypes'
import { buildDeliveryInsert, buildEventInsert } from '@/lib/delivery/store/sqliteEventRows'
import { matchesSubscription } from '@/lib/events/matchSubscription'
import { buildDelivery, buildEvent, generateEventId } from '@/lib/events/publishEvent'
import { buildLogOutcomeUpdate } from '@/lib/inbound/store/sqliteInboundLogStore'
import type { LogOutcome } from '@/lib/inbound/store/inboundLogStore'
import type { NormalizedJobUpdate } from '@/lib/inbound/normalizedJobUpdate'
import type { ActiveSubscription } from '@/lib/subscriptions/loadActiveSubscriptions'
import type { Job } from '@/payload-types'
import { computeJobUpdate, isJobIdShape, toJobEventData } from '../computeJobUpdate'
import type { JobStateStore, JobUpdateItem, JobUpdateItemResult } from './jobStateStore'
import {
  applyChange,
  buildJobInsert,
  buildJobUpdate,
  readJobs,
  readNextJobId,
  toJobRow,
} from './sqliteJobRows'

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
    let nextJobId: number | null = null
    // Every job the batch changed, as its row will be; new ones are inserted, the rest updated.
    const written = new Map<number, { row: Record<string, unknown>; isNew: boolean }>()
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
        nextJobId ??= existing ? null : await readNextJobId(client)
        const id = existing ? Number(existing.id) : nextJobId!++
        const job = applyChange(existing, decision.change, id, nowIso)
        // Serialized here, per item, so a value JSON cannot hold fails this item and no other.
        const row = toJobRow(job)
        const event = decision.eventType
          ? buildEvent({
              eventId: generateEventId(),
              eventType: decision.eventType,
              data: toJobEventData(job),
            })
          : null
        const owed = event
          ? subscriptions
              .filter((subscription) =>
                matchesSubscription(subscription, event.eventType, event.data),
              )
              .map((subscription) => buildDelivery(subscription, event, now))
          : []
        // Only now, with nothing left to throw, does the item join the batch's writes.
        written.set(id, { row, isNew: !existing || (written.get(id)?.isNew ?? false) })
        jobs.remember(job)
        if (event) events.push(event)
        deliveries.push(...owed)
        results.push({
          logId: item.logId,
          ok: true,
          job,
          applied: true,
          eventType: decision.eventType,
        })
      } catch (error) {
        results.push({ logId: item.logId, ok: false, error: describe(error) })
      }
    }
    const rows = [...written.values()]
    const inserted = rows.filter((entry) => entry.isNew).map((entry) => entry.row)
    const updated = rows.filter((entry) => !entry.isNew).map((entry) => entry.row)
    if (inserted.length > 0) await client.execute(buildJobInsert(inserted))
    if (updated.length > 0) await client.execute(buildJobUpdate(updated))
    const counts = new Map<string, number>()
    for (const row of deliveries) counts.set(row.eventId, (counts.get(row.eventId) ?? 0) + 1)
    if (events.length > 0) await client.execute(buildEventInsert(events, counts, nowIso))
    if (deliveries.length > 0) await client.execute(buildDeliveryInsert(deliveries, nowIso))
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
