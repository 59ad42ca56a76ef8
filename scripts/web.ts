// Production web server: provider callbacks are answered by node:http directly (the App Router adds
// ~1 ms of framework work per request, which capped ingest at ~680 req/s on 2 cores, BENCHMARKS.md);
// everything else, admin and management API included, goes to Next.js.
import { createServer } from 'node:http'

import next from 'next'

import { serveInboundCallback } from '@/lib/web/serveInboundCallback'
import { matchInboundPath } from '@/lib/web/matchInboundPath'

const port = Number(process.env.PORT || 3000)
const app = next({ dev: false, port })
const handleWithNext = app.getRequestHandler()
await app.prepare()

const server = createServer((request, response) => {
  const pathname = (request.url ?? '/').split('?')[0]!
  const inbound = matchInboundPath(request.method, pathname)
  if (!inbound) return void handleWithNext(request, response)
  serveInboundCallback(request, response, inbound).catch((error: unknown) => {
    // A client that went away mid-upload gets no answer; nothing was acknowledged.
    if (request.destroyed || response.destroyed) return void response.destroy()
    console.error('[web] inbound callback failed', error)
    if (!response.headersSent) {
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { code: 'internal_error', message: 'Internal error' } }))
    } else response.destroy()
  })
})
server.keepAliveTimeout = 65_000
server.listen(port, () => console.log(`[web] listening on http://localhost:${port}`))

// Answers in flight finish (their batch commits first); a client holding a connection open cannot keep
// the process alive past 10 s.
const shutdown = () => {
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 10_000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
