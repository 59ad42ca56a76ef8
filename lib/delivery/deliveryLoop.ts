// The worker's delivery loop: claim due deliveries in batches, send each under the concurrency limits,
// record outcomes in batched writes, and drain cleanly.
import type { Payload } from 'payload'

import type { WorkerLoop } from '@/lib/worker/runWorker'
import { decideOutcome } from './decideOutcome'
import type { ClaimedDelivery, DeliveryOutcome, DocumentId } from './deliveryTypes'
import { getDeliveryFormat } from './formats/deliveryFormats'
import { logDeliveryOutcome } from './logDeliveryOutcome'
import { sendDeliveryAttempt, type DeliveryHttpClient } from './sendDeliveryAttempt'
import type { DeliveryStore } from './store/deliveryStore'
import { createSubscriptionDirectory, type DeliveryTarget } from './subscriptionDirectory'
import { disableSubscription, recordSubscriptionResult } from './subscriptionHealth'

export type DeliveryLoopOptions = {
  workerId: string
  store: DeliveryStore
  http: DeliveryHttpClient
  concurrency: number
  perSubscriptionConcurrency: number
  leaseMs: number
  idlePollMs: number
  claimBatchSize: number
  now?: () => Date
  random?: () => number
}

const OUTCOME_FLUSH_MS = 5
const OUTCOME_FLUSH_SIZE = 200
// A subscription whose last attempt got no HTTP answer at all (hang, reset, refused) may only hold this
// many slots until it answers again, so a few dead endpoints cannot fill the worker with timeouts.
export const UNREACHABLE_SUBSCRIPTION_CONCURRENCY = 2

function skippedAttempt(delivery: ClaimedDelivery, now: Date, error: string): DeliveryOutcome {
  return {
    id: delivery.id,
    status: 'dead',
    nextAttemptAt: null,
    attempt: {
      attempt: delivery.attemptCount + 1,
      attempted_at: now.toISOString(),
      status_code: null,
      duration_ms: 0,
      response_headers: {},
      response_body: '',
      error,
    },
  }
}

export function createDeliveryLoop(payload: Payload, options: DeliveryLoopOptions): WorkerLoop {
  const now = options.now ?? (() => new Date())
  const random = options.random ?? Math.random
  const directory = createSubscriptionDirectory(payload, now)
  const activePerSubscription = new Map<string, number>()
  const unreachableSubscriptions = new Set<string>()
  let inFlight = 0
  let running = false
  let loopDone: Promise<void> = Promise.resolve()
  let wake: (() => void) | undefined
  let pendingOutcomes: DeliveryOutcome[] = []
  let flushTimer: NodeJS.Timeout | undefined
  let flushing: Promise<void> = Promise.resolve()

  // A nudge that arrives while a claim is running makes the next sleep return at once.
  let woken = false
  const nudge = () => {
    woken = true
    wake?.()
    wake = undefined
  }
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve()
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const flushOutcomes = () => {
    if (flushTimer) clearTimeout(flushTimer)
    flushTimer = undefined
    const batch = pendingOutcomes
    pendingOutcomes = []
    if (batch.length === 0) return flushing
    flushing = flushing
      .then(() => options.store.recordOutcomes(options.workerId, batch, now()))
      .then((held) => {
        if (held < batch.length) {
          console.warn(
            `[worker] ${batch.length - held} outcome(s) dropped: their lease had expired`,
          )
        }
      })
      .catch((error) =>
        console.error('[worker] recording outcomes failed; leases will expire', error),
      )
    return flushing
  }

  const queueOutcome = (outcome: DeliveryOutcome) => {
    pendingOutcomes.push(outcome)
    if (pendingOutcomes.length >= OUTCOME_FLUSH_SIZE) void flushOutcomes()
    else flushTimer ??= setTimeout(() => void flushOutcomes(), OUTCOME_FLUSH_MS)
  }

  const attemptDelivery = async (delivery: ClaimedDelivery, target: DeliveryTarget | null) => {
    if (!target) return queueOutcome(skippedAttempt(delivery, now(), 'Subscription deleted'))
    if (!target.active) {
      return queueOutcome(
        skippedAttempt(
          delivery,
          now(),
          `Subscription disabled: ${target.disabledReason ?? 'no reason given'}`,
        ),
      )
    }
    if (!delivery.payload) {
      return queueOutcome(
        skippedAttempt(delivery, now(), `Event ${delivery.eventId} is no longer stored`),
      )
    }
    const { body, headers } = getDeliveryFormat(target.format).build({
      deliveryId: delivery.id,
      messageId: delivery.messageId,
      payload: delivery.payload,
      attemptCount: delivery.attemptCount,
      subscriptionId: String(target.id),
      secrets: target.secrets,
      customHeaders: target.headers,
      now: now(),
    })
    const result = await sendDeliveryAttempt(options.http, target.url, body, headers)
    if (result.statusCode === null) unreachableSubscriptions.add(String(target.id))
    else unreachableSubscriptions.delete(String(target.id))
    const decidedAt = now()
    const decision = decideOutcome(delivery, result, target.retryConfig, { now: decidedAt, random })
    queueOutcome(decision.outcome)
    logDeliveryOutcome(delivery, String(target.id), decision.outcome, decidedAt)
    if (decision.disableReason)
      await disableSubscription(payload, target, decision.disableReason, decidedAt)
    else
      await recordSubscriptionResult(
        payload,
        options.store,
        target,
        decision.outcome.status === 'succeeded',
        decidedAt,
      )
  }

  const process = async (delivery: ClaimedDelivery) => {
    const key = String(delivery.webhookId)
    try {
      const target = delivery.webhookId === null ? null : await directory.get(delivery.webhookId)
      await attemptDelivery(delivery, target)
    } catch (error) {
      console.error(
        `[worker] delivery ${delivery.id} failed unexpectedly; its lease will expire`,
        error,
      )
    } finally {
      inFlight -= 1
      const remaining = (activePerSubscription.get(key) ?? 1) - 1
      if (remaining <= 0) activePerSubscription.delete(key)
      else activePerSubscription.set(key, remaining)
      nudge()
    }
  }

  const slotLimitFor = (key: string) =>
    unreachableSubscriptions.has(key)
      ? Math.min(UNREACHABLE_SUBSCRIPTION_CONCURRENCY, options.perSubscriptionConcurrency)
      : options.perSubscriptionConcurrency

  const saturatedSubscriptions = (): DocumentId[] =>
    [...activePerSubscription.entries()]
      .filter(([key, count]) => count >= slotLimitFor(key))
      .map(([id]) => (Number.isNaN(Number(id)) ? id : Number(id)))

  // What each busy or unreachable subscription may still take; the rest may take a full share.
  const roomPerSubscription = (): Record<string, number> => {
    const room: Record<string, number> = {}
    for (const key of new Set([...activePerSubscription.keys(), ...unreachableSubscriptions]))
      room[key] = Math.max(0, slotLimitFor(key) - (activePerSubscription.get(key) ?? 0))
    return room
  }

  const claimAndDispatch = async (): Promise<number> => {
    woken = false
    const free = options.concurrency - inFlight
    // Claim in batches: refilling one slot at a time would run a claim per finished delivery.
    if (free <= 0 || (inFlight > 0 && free < Math.ceil(options.concurrency / 4))) return 0
    const claimed = await options.store.claimDueDeliveries({
      workerId: options.workerId,
      now: now(),
      leaseMs: options.leaseMs,
      limit: Math.min(free, options.claimBatchSize),
      excludeWebhookIds: saturatedSubscriptions(),
      roomPerSubscription: roomPerSubscription(),
      defaultRoom: options.perSubscriptionConcurrency,
    })
    const overflow: DocumentId[] = []
    for (const delivery of claimed) {
      const key = String(delivery.webhookId)
      const active = activePerSubscription.get(key) ?? 0
      if (active >= slotLimitFor(key)) {
        overflow.push(delivery.id)
        continue
      }
      activePerSubscription.set(key, active + 1)
      inFlight += 1
      void process(delivery)
    }
    await options.store.releaseDeliveries(options.workerId, overflow, now())
    return claimed.length - overflow.length
  }

  const loop = async () => {
    while (running) {
      try {
        const dispatched = await claimAndDispatch()
        if (dispatched === 0) await sleep(options.idlePollMs)
      } catch (error) {
        console.error('[worker] claiming deliveries failed', error)
        await sleep(Math.max(options.idlePollMs, 1_000))
      }
    }
  }

  return {
    name: 'delivery',
    start() {
      running = true
      loopDone = loop()
    },
    async drain() {
      running = false
      nudge()
      await loopDone
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10))
      await flushOutcomes()
    },
    inFlight: () => inFlight,
    nudge,
  }
}
