// The requests the production web process answers from node:http itself: provider callbacks, event
// publishing and the management lists, the hot paths, with the same handlers as their App Router routes.
// Everything else is Next's.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { handleListEventsRoute } from '@/lib/events/handleListEventsRoute'
import { handlePublishBatchRoute } from '@/lib/events/handlePublishBatchRoute'
import { handlePublishRoute } from '@/lib/events/handlePublishRoute'
import { PUBLISH_BODY_LIMIT_BYTES } from '@/lib/events/publishLimits'
import { handleListInboundLogsRoute } from '@/lib/inbound/handleListInboundLogsRoute'
import { handleListJobsRoute } from '@/lib/jobs/handleListJobsRoute'
import { handleListSubscriptionsRoute } from '@/lib/subscriptions/handleListSubscriptionsRoute'
import { matchInboundPath } from './matchInboundPath'
import { serveFetchHandler } from './serveFetchHandler'
import { serveInboundCallback } from './serveInboundCallback'

type FetchHandler = (request: Request) => Promise<Response>

const PUBLISH_ROUTES: Record<string, FetchHandler> = {
  '/api/v1/webhooks/events': handlePublishRoute,
  '/api/v1/webhooks/events/batch': handlePublishBatchRoute,
}

// The management lists polled most (dashboards, scripts): no params in the path, so no routing to redo.
const LIST_ROUTES: Record<string, FetchHandler> = {
  '/api/v1/webhooks/subscriptions': handleListSubscriptionsRoute,
  '/api/v1/webhooks/events': handleListEventsRoute,
  '/api/v1/webhooks/logs': handleListInboundLogsRoute,
  '/api/v1/jobs': handleListJobsRoute,
}

function answerFailure(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  // A client that went away mid-upload gets no answer; nothing was acknowledged. (request.destroyed
  // is also true once a body has been read whole, so it cannot tell.)
  if (request.socket.destroyed || response.destroyed) return void response.destroy()
  console.error('[web] fast path failed', error)
  if (response.headersSent) return void response.destroy()
  response.writeHead(500, { 'content-type': 'application/json' })
  response.end(JSON.stringify({ error: { code: 'internal_error', message: 'Internal error' } }))
}

function serveFastPath(request: IncomingMessage, response: ServerResponse): Promise<void> | null {
  const pathname = (request.url ?? '/').split('?')[0]!
  const publish = request.method === 'POST' ? PUBLISH_ROUTES[pathname] : undefined
  if (publish) {
    return serveFetchHandler(request, response, publish, {
      bodyLimitBytes: PUBLISH_BODY_LIMIT_BYTES,
    })
  }
  const list = request.method === 'GET' ? LIST_ROUTES[pathname] : undefined
  if (list) return serveFetchHandler(request, response, list, { bodyLimitBytes: 0 })
  const inbound = matchInboundPath(request.method, pathname)
  return inbound ? serveInboundCallback(request, response, inbound) : null
}

/** Answers the request and returns true, or returns false and leaves it untouched for Next. */
export function routeFastPath(request: IncomingMessage, response: ServerResponse): boolean {
  const serving = serveFastPath(request, response)
  if (!serving) return false
  serving.catch((error: unknown) => answerFailure(request, response, error))
  return true
}
