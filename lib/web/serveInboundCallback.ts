// Answers a provider callback straight from node:http with the same handler the App Router route uses.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { handleInboundRoute, readInboundBodyLimit } from '@/lib/inbound/handleInboundRoute'
import { serveFetchHandler } from './serveFetchHandler'

export function serveInboundCallback(
  request: IncomingMessage,
  response: ServerResponse,
  params: { provider: string; jobId?: string },
): Promise<void> {
  return serveFetchHandler(
    request,
    response,
    (fetchRequest) => handleInboundRoute(fetchRequest, params),
    {
      bodyLimitBytes: readInboundBodyLimit(),
    },
  )
}
