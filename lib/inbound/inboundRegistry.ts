// The process-wide handler registry, with the hub's own job-state handler registered first.
import { applyJobUpdate } from '@/lib/jobs/applyJobUpdate'
import { createHandlerRegistry, type HandlerRegistry } from './handlerRegistry'

export const JOB_STATE_HANDLER_PRIORITY = 100

let registry: HandlerRegistry | undefined

export function getInboundRegistry(): HandlerRegistry {
  if (registry) return registry
  registry = createHandlerRegistry()
  registry.register({
    name: 'job-state',
    service: '*',
    priority: JOB_STATE_HANDLER_PRIORITY,
    canHandle: (context) => context.update !== null,
    async handle(context) {
      if (!context.update) return
      const outcome = await applyJobUpdate(context.payload, context.update, new Date())
      context.job = outcome.job
    },
  })
  return registry
}
