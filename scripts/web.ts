// Production web server: provider callbacks and event publishing are answered by node:http directly
// (lib/web/routeFastPath; the App Router adds ~1 ms of framework work per request, which capped ingest
// at ~680 req/s on 2 cores, BENCHMARKS.md); everything else, admin included, goes to Next.js.
import { createServer } from 'node:http'

import next from 'next'

import { isSqliteUrl, readEnv } from '@/lib/config/env'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { startSqliteStoreThread } from '@/lib/storeThread/startSqliteStoreThread'
import { routeStoresThroughThread } from '@/lib/storeThread/storeThreadRegistry'
import { createWebRequestListener } from '@/lib/web/createWebRequestListener'

const port = Number(process.env.PORT || 3000)
const app = next({ dev: false, port })
const handleWithNext = app.getRequestHandler()
await app.prepare()

// The fast path's writes (stored callbacks, published events) wait for SQLite's write lock on a thread,
// not on the event loop that verifies and answers the next requests.
const { DATABASE_URL } = readEnv()
if (isSqliteUrl(DATABASE_URL))
  routeStoresThroughThread(await getPayloadClient(), startSqliteStoreThread(DATABASE_URL, 10_000))

const server = createServer(createWebRequestListener(handleWithNext))
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
