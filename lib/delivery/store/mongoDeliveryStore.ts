// MongoDB delivery store: findOneAndUpdate claims one document atomically; batches use one transaction.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'

import { composeDeliveryPayload } from '../composeDeliveryPayload'
import type {
  ClaimedDelivery,
  DeliveryOutcome,
  DeliveryPayload,
  DocumentId,
  NewDelivery,
  NewEvent,
} from '../deliveryTypes'
import type { ClaimRequest, DeliveryStore, RequeueSelection } from './deliveryStore'

type DeliveryDocument = {
  _id: { toString(): string }
  webhook: { toString(): string } | null
  event_id: string
  event_type: string
  message_id: string
  /** Deliveries stored before events were stored once carry their own body (MongoDB has no migration). */
  payload?: DeliveryPayload
  attempt_count: number
  max_attempts: number
  createdAt: Date
}

type EventDocument = {
  event_id: string
  data: Record<string, unknown>
  metadata: Record<string, unknown> | null
  createdAt: Date
}

function toClaimedDelivery(
  doc: DeliveryDocument,
  event: EventDocument | undefined,
): ClaimedDelivery {
  const webhookId = doc.webhook ? doc.webhook.toString() : null
  return {
    id: doc._id.toString(),
    webhookId,
    eventId: doc.event_id,
    eventType: doc.event_type,
    messageId: doc.message_id,
    payload: event
      ? composeDeliveryPayload(
          {
            eventId: doc.event_id,
            eventType: doc.event_type,
            data: event.data,
            metadata: event.metadata,
            createdAt: event.createdAt.toISOString(),
          },
          webhookId,
        )
      : (doc.payload ?? null),
    attemptCount: doc.attempt_count,
    maxAttempts: doc.max_attempts,
    createdAt: doc.createdAt.toISOString(),
  }
}

export function createMongoDeliveryStore(adapter: MongooseAdapter): DeliveryStore {
  const deliveries = adapter.collections['webhook-deliveries']
  const events = adapter.collections['webhook-events']
  const subscriptions = adapter.collections.webhooks

  return {
    async insertEvents(newEvents: NewEvent[], rows: NewDelivery[], now: Date) {
      if (newEvents.length === 0) return { duplicateEventIds: [], deliveryIds: [] }
      const stored = await events
        .find({ event_id: { $in: newEvents.map((event) => event.eventId) } }, { event_id: 1 })
        .lean<{ event_id: string }[]>()
      const duplicates = new Set(stored.map((event) => event.event_id))
      const freshRows = rows.filter((row) => !duplicates.has(row.eventId))
      const counts = new Map<string, number>()
      for (const row of freshRows) counts.set(row.eventId, (counts.get(row.eventId) ?? 0) + 1)
      const eventDocuments = newEvents
        .filter((event) => !duplicates.has(event.eventId))
        .map((event) => ({
          event_id: event.eventId,
          event_type: event.eventType,
          job_id: event.jobId,
          data: event.data,
          metadata: event.metadata,
          deliveries_created: counts.get(event.eventId) ?? 0,
          createdAt: now,
          updatedAt: now,
        }))
      const documents = freshRows.map((row) => ({
        webhook: row.webhookId,
        job_id: row.jobId,
        event_id: row.eventId,
        event_type: row.eventType,
        message_id: row.messageId,
        status: 'pending',
        attempt_count: 0,
        max_attempts: row.maxAttempts,
        next_attempt_at: row.nextAttemptAt,
        attempts: [],
        createdAt: now,
        updatedAt: now,
      }))
      const session = await adapter.connection.startSession()
      try {
        let ids: DocumentId[] = []
        await session.withTransaction(async () => {
          await events.insertMany(eventDocuments, { session, ordered: true })
          const inserted = await deliveries.insertMany(documents, { session, ordered: true })
          ids = inserted.map((doc) => String(doc._id))
        })
        return { duplicateEventIds: [...duplicates], deliveryIds: ids }
      } finally {
        await session.endSession()
      }
    },

    async claimDueDeliveries({ workerId, now, leaseMs, limit, excludeWebhookIds }: ClaimRequest) {
      const filter = {
        $or: [
          { status: { $in: ['pending', 'failed'] }, next_attempt_at: { $lte: now } },
          { status: 'in_flight', lease_expires_at: { $lte: now } },
        ],
        ...(excludeWebhookIds.length > 0 ? { webhook: { $nin: excludeWebhookIds } } : {}),
      }
      const update = {
        $set: {
          status: 'in_flight',
          leased_by: workerId,
          lease_expires_at: new Date(now.getTime() + leaseMs),
          updatedAt: now,
        },
      }
      const claimedDocs: DeliveryDocument[] = []
      while (claimedDocs.length < limit) {
        const doc = await deliveries
          .findOneAndUpdate(filter, update, { sort: { next_attempt_at: 1 }, new: true })
          .lean<DeliveryDocument>()
        if (!doc) break
        claimedDocs.push(doc)
      }
      if (claimedDocs.length === 0) return []
      const found = await events
        .find({ event_id: { $in: [...new Set(claimedDocs.map((doc) => doc.event_id))] } })
        .lean<EventDocument[]>()
      const byId = new Map(found.map((event) => [event.event_id, event]))
      return claimedDocs.map((doc) => toClaimedDelivery(doc, byId.get(doc.event_id)))
    },

    async recordOutcomes(workerId: string, outcomes: DeliveryOutcome[], now: Date) {
      if (outcomes.length === 0) return 0
      type BulkOperations = Parameters<typeof deliveries.bulkWrite>[0]
      // `attempts` is a Payload json field (Mixed in mongoose), which the driver's update types cannot see.
      const operations = outcomes.map((outcome) => ({
        updateOne: {
          filter: { _id: outcome.id, leased_by: workerId, status: 'in_flight' },
          update: {
            $set: {
              status: outcome.status,
              next_attempt_at: outcome.nextAttemptAt,
              lease_expires_at: null,
              leased_by: null,
              last_status_code: outcome.attempt.status_code,
              last_error: outcome.attempt.error,
              last_attempt_at: new Date(outcome.attempt.attempted_at),
              updatedAt: now,
              ...(outcome.status === 'succeeded' ? { succeeded_at: now } : {}),
            },
            $inc: { attempt_count: 1 },
            $push: { attempts: outcome.attempt },
          },
        },
      })) as unknown as BulkOperations
      const result = await deliveries.bulkWrite(operations, { ordered: false })
      return result.modifiedCount
    },

    async requeueDeliveries(selection: RequeueSelection, now: Date) {
      const filter = {
        status: { $in: selection.statuses },
        ...(selection.ids ? { _id: { $in: selection.ids } } : {}),
        ...(selection.webhookId !== undefined ? { webhook: selection.webhookId } : {}),
        ...(selection.createdSince ? { createdAt: { $gte: selection.createdSince } } : {}),
      }
      const matching = await deliveries
        .find(filter, { _id: 1 })
        .lean<{ _id: { toString(): string } }[]>()
      const ids = matching.map((doc) => doc._id.toString())
      if (ids.length === 0) return []
      await deliveries.updateMany({ ...filter, _id: { $in: ids } }, [
        {
          $set: {
            status: { $cond: [{ $eq: ['$attempt_count', 0] }, 'pending', 'failed'] },
            next_attempt_at: now,
            max_attempts: { $max: ['$max_attempts', { $add: ['$attempt_count', 1] }] },
            lease_expires_at: null,
            leased_by: null,
            updatedAt: now,
          },
        },
      ])
      return ids
    },

    async releaseDeliveries(workerId: string, ids: DocumentId[], now: Date) {
      if (ids.length === 0) return
      await deliveries.updateMany({ _id: { $in: ids }, leased_by: workerId, status: 'in_flight' }, [
        {
          $set: {
            status: { $cond: [{ $eq: ['$attempt_count', 0] }, 'pending', 'failed'] },
            leased_by: null,
            lease_expires_at: null,
            next_attempt_at: now,
            updatedAt: now,
          },
        },
      ])
    },

    async setSubscriptionFailingSince(webhookId: DocumentId, failingSince: Date | null, now: Date) {
      await subscriptions.updateOne(
        { _id: webhookId },
        { $set: { failing_since: failingSince, updatedAt: now } },
      )
    },
  }
}
