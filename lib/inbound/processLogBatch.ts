// Processing a batch of stored callbacks: normalize each, run the handlers above the job-state handler
// per log, apply the job-state updates of the whole batch in one write (events and deliveries included),
// run the handlers below it per log, and record every outcome. A failure stays with its own log.
import type { Payload } from 'payload'

import type { DocumentId } from '@/lib/delivery/deliveryTypes'
import type { JobStateStore } from '@/lib/jobs/store/jobStateStore'
import { loadActiveSubscriptions } from '@/lib/subscriptions/loadActiveSubscriptions'
import type { InboundHandler, InboundHandlerContext } from './handlerRegistry'
import { getInboundRegistry, JOB_STATE_HANDLER_NAME } from './inboundRegistry'
import { normalizedJobUpdateSchema } from './normalizedJobUpdate'
import type { ProviderContext } from './providers/inboundProvider'
import { resolveProvider } from './resolveProvider'
import type { ClaimedLog, InboundLogStore, LogOutcome } from './store/inboundLogStore'
import { readStoredBodyBytes } from './storedBody'

export type ProcessingResult = {
  logId: DocumentId
  status: 'processed' | 'error'
  error?: string
  jobId: string | null
}

export type LogBatchDependencies = {
  payload: Payload
  context: ProviderContext
  jobStore: JobStateStore
  logStore: InboundLogStore
}

type LogInProgress = {
  log: ClaimedLog
  started: number
  handlerContext?: InboundHandlerContext
  handlers: InboundHandler[]
  error?: string
  /** Recorded by the job-state write itself. */
  finishedInBatch?: boolean
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function normalize(deps: LogBatchDependencies, entry: LogInProgress): Promise<void> {
  const { log } = entry
  try {
    const provider = await resolveProvider(deps.payload, log.source)
    if (!provider) throw new Error(`Provider ${log.source} is no longer configured`)
    // Parsed from the exact bytes that were verified, not from their readable copy.
    const bytes = readStoredBodyBytes(log)
    const body: unknown = JSON.parse(bytes === null ? 'null' : bytes.toString('utf8'))
    const update = await provider.normalize(
      {
        body,
        dedupeKey: log.dedupeKey,
        eventType: log.eventType,
        externalJobId: log.externalJobId,
      },
      {
        jobId: log.pathJobId ?? (log.jobId === null ? null : String(log.jobId)),
        receivedAt: new Date(log.receivedAt),
      },
      deps.context,
    )
    if (update) {
      // A provider module's bug must not write a status or progress the job cannot have.
      const checked = normalizedJobUpdateSchema.safeParse(update)
      if (!checked.success)
        throw new Error(
          `Provider ${log.source} produced an invalid job update: ${checked.error.message}`,
        )
    }
    const handlerContext = {
      payload: deps.payload,
      log,
      provider: log.source,
      body,
      update,
      job: null,
    }
    entry.handlerContext = handlerContext
    entry.handlers = getInboundRegistry().handlersFor(handlerContext)
  } catch (error) {
    entry.error = describe(error)
  }
}

async function runHandlers(entry: LogInProgress, handlers: InboundHandler[]): Promise<void> {
  for (const handler of handlers) {
    if (entry.error) return
    try {
      await handler.handle(entry.handlerContext!)
    } catch (error) {
      entry.error = `Handler ${handler.name} failed: ${describe(error)}`
    }
  }
}

/**
 * The handlers after the job-state write, one handler at a time over the whole batch (each log still
 * meets its handlers in priority order), so that a handler with `handleBatch` writes once per batch.
 */
async function runHandlersOverBatch(
  ordered: readonly InboundHandler[],
  entries: LogInProgress[],
  handlersOf: (entry: LogInProgress) => InboundHandler[],
): Promise<void> {
  for (const handler of ordered) {
    const due = entries.filter((entry) => !entry.error && handlersOf(entry).includes(handler))
    if (due.length === 0) continue
    if (handler.handleBatch) {
      try {
        await handler.handleBatch(due.map((entry) => entry.handlerContext!))
        continue
      } catch {
        // Each log runs the handler on its own below, so the one that fails is the one marked.
      }
    }
    for (const entry of due) await runHandlers(entry, [handler])
  }
}

export async function processLogBatch(
  deps: LogBatchDependencies,
  logs: ClaimedLog[],
  now: () => Date,
): Promise<{ results: ProcessingResult[]; deliveriesCreated: number }> {
  const registry = getInboundRegistry()
  const entries: LogInProgress[] = logs.map((log) => ({
    log,
    started: performance.now(),
    handlers: [],
  }))
  for (const entry of entries)
    registry.emit('webhook:received', { logId: String(entry.log.id), provider: entry.log.source })
  await Promise.all(entries.map((entry) => normalize(deps, entry)))

  const isJobState = (handler: InboundHandler) => handler.name === JOB_STATE_HANDLER_NAME
  const before = (entry: LogInProgress) => {
    const index = entry.handlers.findIndex(isJobState)
    return index < 0 ? entry.handlers : entry.handlers.slice(0, index)
  }
  const after = (entry: LogInProgress) => {
    const index = entry.handlers.findIndex(isJobState)
    return index < 0 ? [] : entry.handlers.slice(index + 1)
  }
  for (const entry of entries) await runHandlers(entry, before(entry))

  const withJobState = entries.filter(
    (entry) => !entry.error && entry.handlers.some(isJobState) && entry.handlerContext?.update,
  )
  let deliveriesCreated = 0
  if (withJobState.length > 0) {
    const batch = await deps.jobStore.applyJobUpdates(
      withJobState.map((entry) => ({
        logId: entry.log.id,
        update: entry.handlerContext!.update!,
        finishLog: after(entry).length === 0,
      })),
      await loadActiveSubscriptions(deps.payload),
      now(),
    )
    deliveriesCreated = batch.deliveriesCreated
    batch.results.forEach((result, index) => {
      const entry = withJobState[index]
      entry.finishedInBatch = after(entry).length === 0
      if (result.ok) entry.handlerContext!.job = result.job
      else entry.error = `Handler ${JOB_STATE_HANDLER_NAME} failed: ${result.error}`
    })
  }
  await runHandlersOverBatch(
    registry.inRunningOrder(),
    entries.filter((entry) => !entry.finishedInBatch),
    after,
  )

  const outcomes: LogOutcome[] = entries
    .filter((entry) => !entry.finishedInBatch)
    .map((entry) => ({
      id: entry.log.id,
      status: entry.error ? 'error' : 'processed',
      error: entry.error ?? null,
      normalized: entry.handlerContext?.update ?? null,
      jobId: entry.handlerContext?.job ? entry.handlerContext.job.id : null,
    }))
  await deps.logStore.recordLogOutcomes(outcomes, now())

  const results = entries.map((entry): ProcessingResult => {
    const durationMs = performance.now() - entry.started
    const event = { logId: String(entry.log.id), provider: entry.log.source, durationMs }
    if (entry.error) registry.emit('webhook:error', { ...event, error: entry.error })
    else registry.emit('webhook:completed', event)
    const job = entry.handlerContext?.job
    return {
      logId: entry.log.id,
      status: entry.error ? 'error' : 'processed',
      ...(entry.error ? { error: entry.error } : {}),
      jobId: job ? String(job.id) : null,
    }
  })
  return { results, deliveriesCreated }
}
