// Seed 004's media step as an inbound handler: after the job-state handler has settled the job, each
// generated file of a completed job's result becomes a `media` document. Reprocessing a callback (a
// retry, or the provider delivering it twice) finds the documents already there and adds none. A batch of
// callbacks records its media in one write.
import type { InboundHandler, InboundHandlerContext } from '@/lib/inbound/handlerRegistry'
import type { Job } from '@/payload-types'
import { extractGeneratedMedia, type GeneratedMedia } from './extractGeneratedMedia'
import { getMediaStore } from './store/getMediaStore'
import type { NewMedia } from './store/mediaStore'

export const MEDIA_HANDLER_NAME = 'media'
/** Below the job-state handler's 100: the media documents point at the job it wrote. */
export const MEDIA_HANDLER_PRIORITY = 50

function readProjectId(source: unknown): string | null {
  if (typeof source !== 'object' || source === null) return null
  const record = source as { project_id?: unknown; metadata?: { project_id?: unknown } | null }
  const value = record.metadata?.project_id ?? record.project_id
  if (typeof value === 'string' && value.length > 0) return value
  return typeof value === 'number' ? String(value) : null
}

/** Seed 004 carries it in the callback's metadata; a job submitted with it keeps it in its input. */
function findProjectId(body: unknown, job: Job): string | null {
  return readProjectId(body) ?? readProjectId(job.input)
}

function mediaOf(context: InboundHandlerContext): GeneratedMedia[] {
  return context.update?.status === 'completed' ? extractGeneratedMedia(context.update.result) : []
}

function toNewMedia(context: InboundHandlerContext): NewMedia[] {
  const job = context.job
  if (!job || job.status !== 'completed') return []
  const projectId = findProjectId(context.body, job)
  return mediaOf(context).map((item) => ({
    ...item,
    job: job.id,
    provider: job.provider,
    project_id: projectId,
  }))
}

export function createMediaHandler(): InboundHandler {
  const recordFor = async (contexts: InboundHandlerContext[]) => {
    const rows = contexts.flatMap(toNewMedia)
    if (rows.length > 0) await getMediaStore(contexts[0]!.payload).recordMedia(rows)
  }
  return {
    name: MEDIA_HANDLER_NAME,
    service: '*',
    priority: MEDIA_HANDLER_PRIORITY,
    // Only callbacks with files: the others keep finishing inside the job-state batch write.
    canHandle: (context) => mediaOf(context).length > 0,
    handle: (context) => recordFor([context]),
    handleBatch: recordFor,
  }
}
