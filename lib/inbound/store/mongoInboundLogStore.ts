// MongoDB inbound log store: unordered insertMany; duplicate-key errors mark the rows that repeat an event.
import { randomUUID } from 'node:crypto'

import type { MongooseAdapter } from '@payloadcms/db-mongodb'

import type {
  InboundLogStore,
  LogOutcome,
  InsertedInboundLog,
  LogClaimRequest,
  NewInboundLog,
} from './inboundLogStore'

const DUPLICATE_KEY = 11000

type LogDocument = {
  _id: { toString(): string }
  source: string
  raw_body?: string | null
  raw_body_base64?: string | null
  dedupe_key: string
  event_type?: string | null
  external_job_id?: string | null
  path_job_id?: string | null
  job?: { toString(): string } | null
  received_at: Date | string
}

function toDocument(row: NewInboundLog, overrides: Record<string, unknown> = {}) {
  return {
    source: row.source,
    status: row.status,
    verified: row.verified,
    rejection_reason: row.rejectionReason,
    raw_body: row.rawBody,
    raw_body_base64: row.rawBodyBase64,
    raw_body_size: row.rawBodySize,
    headers: row.headers,
    source_ip: row.sourceIp,
    received_at: row.receivedAt,
    dedupe_key: row.dedupeKey,
    event_type: row.eventType,
    external_job_id: row.externalJobId,
    path_job_id: row.pathJobId,
    processing_attempts: 0,
    createdAt: row.receivedAt,
    updatedAt: row.receivedAt,
    ...overrides,
  }
}

export function createMongoInboundLogStore(adapter: MongooseAdapter): InboundLogStore {
  const logs = adapter.collections['webhook-logs']
  return {
    async insertLogs(rows) {
      const results: (InsertedInboundLog | null)[] = rows.map(() => null)
      const failedIndexes = new Set<number>()
      try {
        const inserted = await logs.insertMany(
          rows.map((row) => toDocument(row)),
          { ordered: false, rawResult: false },
        )
        inserted.forEach(
          (doc, index) => (results[index] = { id: String(doc._id), duplicateOf: null }),
        )
      } catch (error) {
        const bulk = error as {
          writeErrors?: { index: number; code: number }[]
          insertedDocs?: { _id: unknown }[]
        }
        if (!bulk.writeErrors) throw error
        for (const writeError of bulk.writeErrors) {
          if (writeError.code !== DUPLICATE_KEY) throw error
          failedIndexes.add(writeError.index)
        }
        const succeeded = rows.map((_, index) => index).filter((index) => !failedIndexes.has(index))
        const insertedIds = (bulk.insertedDocs ?? []).map((doc) => String(doc._id))
        succeeded.forEach(
          (index, position) => (results[index] = { id: insertedIds[position], duplicateOf: null }),
        )
      }
      for (const index of failedIndexes) {
        const row = rows[index]
        const original = await logs
          .findOne({ source: row.source, dedupe_key: row.dedupeKey }, { _id: 1 })
          .lean<{ _id: unknown }>()
        const duplicate = await logs.create(
          toDocument(row, {
            status: 'duplicate',
            dedupe_key: `duplicate:${randomUUID()}`,
            duplicate_of: original ? String(original._id) : null,
          }),
        )
        results[index] = {
          id: String(duplicate._id),
          duplicateOf: original ? String(original._id) : null,
        }
      }
      return results as InsertedInboundLog[]
    },

    async claimLogs({ workerId, now, leaseMs, limit }: LogClaimRequest) {
      const ids: string[] = []
      while (ids.length < limit) {
        const doc = await logs
          .findOneAndUpdate(
            {
              $or: [
                { status: 'received' },
                { status: 'processing', lease_expires_at: { $lte: now } },
              ],
            },
            {
              $set: {
                status: 'processing',
                leased_by: workerId,
                lease_expires_at: new Date(now.getTime() + leaseMs),
                updatedAt: now,
              },
            },
            { sort: { received_at: 1 }, new: true, projection: { _id: 1 } },
          )
          .lean<{ _id: { toString(): string } }>()
        if (!doc) break
        ids.push(doc._id.toString())
      }
      if (ids.length === 0) return []
      const docs = await logs
        .find({ _id: { $in: ids } })
        .sort({ received_at: 1 })
        .lean<LogDocument[]>()
      return docs.map((doc) => ({
        id: doc._id.toString(),
        source: doc.source,
        rawBody: doc.raw_body ?? null,
        rawBodyBase64: doc.raw_body_base64 ?? null,
        dedupeKey: doc.dedupe_key,
        eventType: doc.event_type ?? null,
        externalJobId: doc.external_job_id ?? null,
        pathJobId: doc.path_job_id ?? null,
        jobId: doc.job ? doc.job.toString() : null,
        receivedAt: new Date(doc.received_at).toISOString(),
      }))
    },

    async recordLogOutcomes(outcomes: LogOutcome[], now: Date) {
      if (outcomes.length === 0) return
      type BulkOperations = Parameters<typeof logs.bulkWrite>[0]
      const operations = outcomes.map((outcome) => ({
        updateOne: {
          filter: { _id: outcome.id },
          update: {
            $set: {
              status: outcome.status,
              error_message: outcome.error?.slice(0, 2000) ?? null,
              normalized: outcome.normalized,
              ...(outcome.jobId !== null ? { job: outcome.jobId } : {}),
              processed_at: now,
              lease_expires_at: null,
              leased_by: null,
              updatedAt: now,
            },
            $inc: { processing_attempts: 1 },
          },
        },
      })) as unknown as BulkOperations
      await logs.bulkWrite(operations, { ordered: false })
    },
  }
}
