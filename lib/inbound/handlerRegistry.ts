// Handlers registered per service with canHandle and a priority; several may act on one callback, in
// priority order (highest first). Listeners on webhook:received/completed/error serve metrics.
import type { Payload } from 'payload'

import type { Job } from '@/payload-types'
import type { NormalizedJobUpdate } from './normalizedJobUpdate'
import type { ClaimedLog } from './store/inboundLogStore'

export type InboundHandlerContext = {
  payload: Payload
  /**
   * The stored callback: id, source, raw body, dedupe key, event type, job ids, receive time. Null when
   * a caller in the process runs the handlers on a payload it already trusts (webhookController).
   */
  log: ClaimedLog | null
  provider: string
  body: unknown
  update: NormalizedJobUpdate | null
  /** Set by the job-state handler for the handlers after it. */
  job: Job | null
}

export type InboundHandler = {
  name: string
  /** A provider name, or '*' for every provider. */
  service: string
  priority: number
  canHandle(context: InboundHandlerContext): boolean
  handle(context: InboundHandlerContext): Promise<void>
  /**
   * The same work for every callback of a processed batch at once, when one write can do it. If it
   * throws, each callback runs `handle` on its own, so one bad callback fails only itself.
   */
  handleBatch?(contexts: InboundHandlerContext[]): Promise<void>
}

export type InboundEventName = 'webhook:received' | 'webhook:completed' | 'webhook:error'
/** `logId` is the stored callback's id, or `run_…` for a webhookController.processWebhook call. */
export type InboundEvent = { logId: string; provider: string; error?: string; durationMs?: number }
type Listener = (event: InboundEvent) => void

export type HandlerRegistry = {
  register(handler: InboundHandler): () => void
  handlersFor(context: InboundHandlerContext): InboundHandler[]
  /** Every registered handler, in the order they run (priority, then registration). */
  inRunningOrder(): readonly InboundHandler[]
  on(event: InboundEventName, listener: Listener): () => void
  emit(event: InboundEventName, payload: InboundEvent): void
}

export function createHandlerRegistry(): HandlerRegistry {
  const handlers: InboundHandler[] = []
  const listeners = new Map<InboundEventName, Set<Listener>>()
  return {
    register(handler) {
      handlers.push(handler)
      handlers.sort((a, b) => b.priority - a.priority)
      return () => {
        const index = handlers.indexOf(handler)
        if (index >= 0) handlers.splice(index, 1)
      }
    },
    handlersFor(context) {
      return handlers.filter(
        (handler) =>
          (handler.service === '*' || handler.service === context.provider) &&
          handler.canHandle(context),
      )
    },
    inRunningOrder: () => [...handlers],
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload)
        } catch (error) {
          console.error(`[inbound] ${event} listener failed`, error)
        }
      }
    },
  }
}
