// The process-wide handler registry, with the hub's own job-state handler registered first. Its work is
// done for a whole batch at once by processLogBatch through a JobStateStore; the entry here fixes its
// place in the priority order and applies one update when a caller runs the handlers itself. The media
// handler (seed 004's media step) runs after it.
import { applyJobUpdate } from '@/lib/jobs/applyJobUpdate'
import { createMediaHandler } from '@/lib/media/mediaHandler'
import { createHandlerRegistry, type HandlerRegistry } from './handlerRegistry'

export const JOB_STATE_HANDLER_PRIORITY = 100
export const JOB_STATE_HANDLER_NAME = 'job-state'

let registry: HandlerRegistry | undefined

export function getInboundRegistry(): HandlerRegistry {
  if (registry) return registry
  registry = createHandlerRegistry()
  registry.register({
    name: JOB_STATE_HANDLER_NAME,
    service: '*',
    priority: JOB_STATE_HANDLER_PRIORITY,
    canHandle: (context) => context.update !== null,
    async handle(context) {
      if (!context.update) return
      const outcome = await applyJobUpdate(context.payload, context.update, new Date())
      context.job = outcome.job
    },
  })
  registry.register(createMediaHandler())
  return registry
}
