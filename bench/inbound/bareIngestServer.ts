// Child process: the floor of the ingest stack. A bare node:http server doing the product's fal verify
// and the product's group-commit insert of the same row, with no Next.js and no Payload.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

import { createClient } from '@libsql/client'

import { createGroupCommit } from '@/lib/batching/createGroupCommit'
import { InboundRejection } from '@/lib/inbound/inboundRejection'
import { falProvider } from '@/lib/inbound/providers/fal'
import type { ProviderContext } from '@/lib/inbound/providers/inboundProvider'
import { redactHeaders } from '@/lib/inbound/redactHeaders'
import type { NewInboundLog } from '@/lib/inbound/store/inboundLogStore'
import { createSqliteInboundLogStore } from '@/lib/inbound/store/sqliteInboundLogStore'
import { toStoredBody } from '@/lib/inbound/storedBody'

// The product's values: getInboundLogStore's batch size and databaseAdapter's pragmas.
const MAX_BATCH = 256
const BUSY_TIMEOUT_MS = 10_000
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

const client = createClient({ url: process.env.DATABASE_URL ?? '' })
await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
await client.execute('PRAGMA journal_mode = WAL')
await client.execute(`PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT}`)
await client.execute('PRAGMA synchronous = NORMAL')

const store = createSqliteInboundLogStore(client)
const writer = createGroupCommit((rows: NewInboundLog[]) => store.insertLogs(rows), {
  maxBatch: MAX_BATCH,
})
const context: ProviderContext = {
  now: () => new Date(),
  fetch: globalThis.fetch,
  env: process.env,
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers[name] = value
  }
  return headers
}

function answer(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

async function ingest(request: IncomingMessage, response: ServerResponse) {
  const receivedAt = context.now()
  const rawBody = await readBody(request)
  const headers = lowerCaseHeaders(request)
  try {
    const callback = await falProvider.verify(
      { rawBody, headers, query: {}, jobId: null, receivedAt },
      context,
    )
    const stored = await writer.submit({
      source: 'fal',
      headers: redactHeaders(Object.fromEntries(new Headers(headers).entries())),
      sourceIp: null,
      receivedAt,
      pathJobId: null,
      status: 'received',
      verified: true,
      rejectionReason: null,
      ...toStoredBody(rawBody),
      dedupeKey: callback.dedupeKey,
      eventType: callback.eventType,
      externalJobId: callback.externalJobId,
    })
    const id = String(stored.duplicateOf ?? stored.id)
    answer(response, 200, { received: true, id, duplicate: stored.duplicateOf !== null })
  } catch (error) {
    // The bench sends only valid callbacks, so a rejection here is a bench fault worth seeing.
    if (error instanceof InboundRejection) answer(response, error.status, { error: error.code })
    else answer(response, 500, { error: String(error) })
  }
}

const server = createServer((request, response) => {
  if (request.method === 'GET') return answer(response, 200, { status: 'ok' })
  void ingest(request, response)
})
server.keepAliveTimeout = 30_000
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('[bare-ingest] listening'))
process.once('SIGTERM', () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
})
