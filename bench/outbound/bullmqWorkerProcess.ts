// Child process: the BullMQ peer's worker, sending the hub's exact signed POST for each job.
import { readFileSync } from 'node:fs'

import { Worker, type Job } from 'bullmq'
import { Redis } from 'ioredis'
import { Agent, request } from 'undici'

import { buildDeliveryBody, buildDeliveryHeaders } from '@/lib/delivery/buildDeliveryRequest'
import { PEER_QUEUE_NAME, type PeerJobData, type PeerTargets } from './bullmqPeerJob'

const TIMEOUT_MS = 30_000
const RESPONSE_EXCERPT_BYTES = 4096

const targets = JSON.parse(
  readFileSync(process.env.BENCH_TARGETS_FILE ?? '', 'utf8'),
) as PeerTargets
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 64)
// The hub's pool settings (lib/worker/createWorkerLoops.ts), so both send over the same connections.
const dispatcher = new Agent({
  keepAliveTimeout: 10_000,
  keepAliveMaxTimeout: 60_000,
  connections: Number(process.env.WORKER_SUBSCRIPTION_CONCURRENCY ?? 16),
})

async function deliver(job: Job<PeerJobData>) {
  const target = targets[job.data.subscriptionId]
  const body = buildDeliveryBody(job.data.payload, job.attemptsMade)
  const headers = buildDeliveryHeaders({
    body,
    messageId: job.data.messageId,
    eventType: job.data.eventType,
    eventId: job.data.eventId,
    subscriptionId: job.data.subscriptionId,
    secrets: { current: target.secret, previous: null },
    customHeaders: {},
    timestampSeconds: Math.floor(Date.now() / 1000),
  })
  const started = performance.now()
  const response = await request(target.url, {
    method: 'POST',
    body,
    headers,
    dispatcher,
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  })
  const excerpt = (await response.body.text()).slice(0, RESPONSE_EXCERPT_BYTES)
  if (response.statusCode < 200 || response.statusCode >= 300) {
    throw new Error(`HTTP ${response.statusCode}`)
  }
  return {
    status_code: response.statusCode,
    duration_ms: Math.round(performance.now() - started),
    response_body: excerpt,
  }
}

const connection = new Redis({
  host: '127.0.0.1',
  port: Number(process.env.BENCH_REDIS_PORT),
  maxRetriesPerRequest: null,
})
const worker = new Worker<PeerJobData>(PEER_QUEUE_NAME, deliver, { connection, concurrency })
// Only final failures: a failed first attempt is expected in the bench's 500s run.
worker.on('failed', (job, error) => {
  if (!job || job.attemptsMade >= (job.opts.attempts ?? 1)) {
    console.error(`[bullmq-peer] job ${job?.id} failed for good`, error)
  }
})
await worker.waitUntilReady()
console.log('[bullmq-peer] started')

process.once('SIGTERM', () => {
  void worker
    .close()
    .then(() => connection.quit())
    .then(() => dispatcher.close())
    .then(() => process.exit(0))
})
