// Seed 000's webhook system under its own names, over the hub's inbound pipeline rather than beside it:
// - registerHandler({ service, canHandle(payload), processWebhook(payload), priority? }) adds a handler
//   to the process-wide registry; it runs in the worker on every verified, stored callback of that
//   service ('*' for all), after the job-state handler unless its priority is above 100.
// - on('webhook:received' | 'webhook:completed' | 'webhook:error') listens to that registry.
// - createMiddleware({ getService }) is the provider callback route itself: verify, store, answer; the
//   worker then runs the handlers.
// - registerAdapter({ platform, parseWebhook }) and routeWebhook/processWebhook({ platform, service,
//   payload }) run the handlers at once, in the calling process, on a payload the caller already trusts
//   (no signature, nothing stored). A built-in provider or custom source named by `service` turns the
//   payload into a job update first, so the job-state and media handlers act on it as on a callback.
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import type {
  HandlerRegistry,
  InboundEvent,
  InboundEventName,
  InboundHandler,
  InboundHandlerContext,
} from './handlerRegistry'
import { handleInboundRoute } from './handleInboundRoute'
import { getInboundRegistry } from './inboundRegistry'
import type { NormalizedJobUpdate } from './normalizedJobUpdate'
import { createProviderContext } from './providerContext'
import type { ProviderContext } from './providers/inboundProvider'
import { resolveProvider } from './resolveProvider'

/**
 * Seed 000's handlers are JavaScript that read any field of the payload (`payload.run_id`); typing it
 * `unknown` would make every one of them fail to compile unchanged.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WebhookPayload = any

/** Seed 000's handler shape; `processWebhook` also gets the hub's context (job, update, log). */
export type WebhookHandler = {
  service: string
  name?: string
  priority?: number
  canHandle(payload: WebhookPayload): boolean
  processWebhook(payload: WebhookPayload, context: InboundHandlerContext): Promise<unknown>
}

/** `service` may be left to the platform's adapter to name (seed 000's createWebhookSystem example). */
export type Webhook = { platform?: string; service?: string; payload: WebhookPayload }

/** Seed 000's platform adapter: turns a platform's webhook into `{ service?, payload }`. */
export type PlatformAdapter = {
  platform: string
  parseWebhook(webhook: Webhook): Promise<Partial<Webhook>> | Partial<Webhook>
}

export type WebhookRunResult = {
  success: boolean
  runId: string
  service: string | null
  /** The handlers that ran, in order. */
  handlers: string[]
  jobId: string | null
  error?: string
}

/** Seed handlers run after the hub's job-state (100) and media (50) handlers unless told otherwise. */
export const SEED_HANDLER_PRIORITY = 10

export function toInboundHandler(handler: WebhookHandler): InboundHandler {
  return {
    name: handler.name ?? `${handler.service}-handler`,
    service: handler.service,
    priority: handler.priority ?? SEED_HANDLER_PRIORITY,
    canHandle: (context) => handler.canHandle(context.body),
    async handle(context) {
      await handler.processWebhook(context.body, context)
    },
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export type WebhookController = ReturnType<typeof createWebhookController>

export function createWebhookController(options: {
  payload: Payload
  registry?: HandlerRegistry
  context?: ProviderContext
}) {
  const registry = options.registry ?? getInboundRegistry()
  const context = options.context ?? createProviderContext()
  const adapters = new Map<string, PlatformAdapter>()

  async function normalize(service: string, body: unknown): Promise<NormalizedJobUpdate | null> {
    const provider = await resolveProvider(options.payload, service)
    if (!provider) return null
    const receivedAt = context.now()
    return provider.normalize(
      { body, dedupeKey: randomUUID(), eventType: null, externalJobId: null },
      { jobId: null, receivedAt },
      context,
    )
  }

  async function routeWebhook(webhook: Webhook): Promise<WebhookRunResult> {
    const runId = `run_${randomUUID()}`
    const adapter = webhook.platform ? adapters.get(webhook.platform) : undefined
    const parsed = adapter ? await adapter.parseWebhook(webhook) : webhook
    const service = parsed.service ?? webhook.service
    const body = 'payload' in parsed ? parsed.payload : webhook.payload
    if (!service) {
      const error = 'No service: name one, or register an adapter for the platform that names it'
      return { success: false, runId, service: null, handlers: [], jobId: null, error }
    }
    const event: InboundEvent = { logId: runId, provider: service }
    const started = performance.now()
    registry.emit('webhook:received', event)
    const ran: string[] = []
    let handlerContext: InboundHandlerContext | null = null
    try {
      handlerContext = {
        payload: options.payload,
        log: null,
        provider: service,
        body,
        update: await normalize(service, body),
        job: null,
      }
      for (const handler of registry.handlersFor(handlerContext)) {
        ran.push(handler.name)
        await handler.handle(handlerContext)
      }
    } catch (error) {
      const message = describe(error)
      const durationMs = performance.now() - started
      registry.emit('webhook:error', { ...event, error: message, durationMs })
      const jobId = handlerContext?.job ? String(handlerContext.job.id) : null
      return { success: false, runId, service, handlers: ran, jobId, error: message }
    }
    registry.emit('webhook:completed', { ...event, durationMs: performance.now() - started })
    const jobId = handlerContext.job ? String(handlerContext.job.id) : null
    return { success: true, runId, service, handlers: ran, jobId }
  }

  return {
    registerHandler(handler: WebhookHandler): () => void {
      return registry.register(toInboundHandler(handler))
    },
    /** A handler in the hub's own shape (the whole context in canHandle too). */
    register(handler: InboundHandler): () => void {
      return registry.register(handler)
    },
    registerAdapter(adapter: PlatformAdapter): () => void {
      adapters.set(adapter.platform, adapter)
      return () => adapters.delete(adapter.platform)
    },
    on(event: InboundEventName, listener: (event: InboundEvent) => void): () => void {
      return registry.on(event, listener)
    },
    routeWebhook,
    processWebhook: routeWebhook,
    /** The signed callback route for the service `getService` names (see /api/v1/webhooks/{provider}). */
    createMiddleware(middleware: { platform?: string; getService(request: Request): string }) {
      return (request: Request): Promise<Response> =>
        handleInboundRoute(request, { provider: middleware.getService(request) })
    },
  }
}

/** Seed 000's `createWebhookSystem`: one controller that is also the registry and the router. */
export function createWebhookSystem(options: {
  payload: Payload
  handlers?: WebhookHandler[]
  adapters?: PlatformAdapter[]
  context?: ProviderContext
}) {
  const controller = createWebhookController(options)
  for (const handler of options.handlers ?? []) controller.registerHandler(handler)
  for (const adapter of options.adapters ?? []) controller.registerAdapter(adapter)
  return {
    registry: controller,
    router: controller,
    controller,
    processWebhook: controller.processWebhook,
  }
}
