// A hub's inbound endpoint as `npm start` runs it (NODE_ENV=production): provider secrets come only from
// the given environment, never from data/dev-secrets.json. Real HTTP on 127.0.0.1 and an ephemeral port,
// beside the test process's own development-mode pipeline.
import { createServer } from 'node:http'
import { BlockList, type AddressInfo } from 'node:net'

import type { Payload } from 'payload'

import { withDevSecretFallbacks } from '@/lib/devtools/devSecrets'
import { createSourceRateLimiter } from '@/lib/inbound/ingress/sourceRateLimiter'
import { DEFAULT_BODY_LIMIT_BYTES } from '@/lib/inbound/readLimitedBody'
import { receiveWebhook } from '@/lib/inbound/receiveWebhook'
import { createStoredRejectionBudget } from '@/lib/inbound/storedRejections'
import { matchInboundPath } from '@/lib/web/matchInboundPath'
import { readBodyUpTo } from '@/lib/web/readBodyUpTo'
import { readRequestHeaders } from '@/lib/web/readRequestHeaders'

export async function startProductionModeInbound(
  payload: Payload,
  env: Record<string, string | undefined>,
) {
  const context = {
    now: () => new Date(),
    fetch: globalThis.fetch,
    env: withDevSecretFallbacks({ ...env, NODE_ENV: 'production' }, ''),
  }
  const options = {
    bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    trustedProxies: new BlockList(),
    rejectionBudget: createStoredRejectionBudget({ burst: 100, perMinute: 100 }),
    rateLimiter: createSourceRateLimiter(),
    context,
    persist: true,
  }
  const server = createServer(async (request, response) => {
    const inbound = matchInboundPath(request.method, (request.url ?? '/').split('?')[0]!)
    if (!inbound) return void response.writeHead(404).end()
    const { body } = await readBodyUpTo(request, DEFAULT_BODY_LIMIT_BYTES)
    const answer = await receiveWebhook(
      payload,
      {
        headers: readRequestHeaders(request),
        query: {},
        peerAddress: request.socket.remoteAddress ?? null,
        readBody: async () => body,
      },
      { provider: inbound.provider, jobId: inbound.jobId ?? null },
      options,
    )
    response.writeHead(answer.status, { ...answer.headers, 'content-type': 'application/json' })
    response.end(JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
