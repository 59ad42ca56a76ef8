// Processing of one stored callback: normalize it, run every matching handler in priority order, and
// record the verdict on the log (processed, or error with the message so it can be retried).
import type { Payload } from 'payload'

import type { WebhookLog } from '@/payload-types'
import { getInboundRegistry } from './inboundRegistry'
import type { InboundHandlerContext } from './handlerRegistry'
import type { ProviderContext } from './providers/inboundProvider'
import { resolveProvider } from './resolveProvider'

export type ProcessingResult = {
  status: 'processed' | 'error'
  error?: string
  jobId: string | null
}

function relationId(value: WebhookLog['job']): string | null {
  if (value === null || value === undefined) return null
  return String(typeof value === 'object' ? value.id : value)
}

export async function processInboundLog(
  payload: Payload,
  log: WebhookLog,
  context: ProviderContext,
): Promise<ProcessingResult> {
  const registry = getInboundRegistry()
  const started = performance.now()
  const event = { logId: String(log.id), provider: log.source }
  registry.emit('webhook:received', event)
  let handlerContext: InboundHandlerContext | undefined
  try {
    const provider = await resolveProvider(payload, log.source)
    if (!provider) throw new Error(`Provider ${log.source} is no longer configured`)
    const body: unknown = JSON.parse(log.raw_body ?? 'null')
    const update = await provider.normalize(
      {
        body,
        dedupeKey: log.dedupe_key,
        eventType: log.event_type ?? null,
        externalJobId: log.external_job_id ?? null,
      },
      { jobId: log.path_job_id ?? relationId(log.job), receivedAt: new Date(log.received_at) },
      context,
    )
    handlerContext = { payload, log, provider: log.source, body, update, job: null }
    for (const handler of registry.handlersFor(handlerContext)) {
      try {
        await handler.handle(handlerContext)
      } catch (error) {
        throw new Error(
          `Handler ${handler.name} failed: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    }
    const jobId = handlerContext.job ? String(handlerContext.job.id) : null
    await payload.update({
      collection: 'webhook-logs',
      id: log.id,
      overrideAccess: true,
      data: {
        status: 'processed',
        normalized: (update ?? null) as WebhookLog['normalized'],
        ...(handlerContext.job ? { job: handlerContext.job.id } : {}),
        error_message: null,
        processed_at: new Date().toISOString(),
        processing_attempts: (log.processing_attempts ?? 0) + 1,
      },
    })
    registry.emit('webhook:completed', { ...event, durationMs: performance.now() - started })
    return { status: 'processed', jobId }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await payload.update({
      collection: 'webhook-logs',
      id: log.id,
      overrideAccess: true,
      data: {
        status: 'error',
        error_message: message.slice(0, 2000),
        normalized: (handlerContext?.update ?? null) as WebhookLog['normalized'],
        processed_at: new Date().toISOString(),
        processing_attempts: (log.processing_attempts ?? 0) + 1,
      },
    })
    registry.emit('webhook:error', {
      ...event,
      error: message,
      durationMs: performance.now() - started,
    })
    return {
      status: 'error',
      error: message,
      jobId: handlerContext?.job ? String(handlerContext.job.id) : null,
    }
  }
}
