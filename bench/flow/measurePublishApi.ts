// Publish API phase: single events at a fixed concurrency, then 1,000-event batches if the route exists.
import { randomBytes } from 'node:crypto'

import { Agent, request } from 'undici'

import { preciseNow } from '../outbound/receiverProtocol'
import { percentile } from '../outbound/statistics'
import { authorizationHeaders, type HubApi } from './hubApi'

export type SinglePublishResult = {
  sent: number
  accepted: number
  statuses: Record<string, number>
  rate: number
  p50Ms: number
  p99Ms: number
}

export type BatchPublishResult =
  | { available: false; status: number }
  | { available: true; requests: number; events: number; eventsPerSecond: number; p99Ms: number }

const TIME_LIMIT_MS = 60_000

function publishBody(jobId: string): string {
  return JSON.stringify({ event_type: 'job.completed', data: { job_id: jobId } })
}

async function post(api: HubApi, route: string, body: string, dispatcher?: Agent) {
  const sentAt = preciseNow()
  const response = await request(`${api.baseUrl}${route}`, {
    method: 'POST',
    body,
    headers: authorizationHeaders(api),
    dispatcher,
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
  })
  await response.body.text()
  return { status: response.statusCode, ms: preciseNow() - sentAt }
}

/** Stops issuing at the time limit, so a slow hub shortens the run instead of stalling it. */
export async function measureSinglePublish(
  api: HubApi,
  options: { events: number; connections: number },
): Promise<SinglePublishResult> {
  const prefix = `pub-single-${randomBytes(3).toString('hex')}-`
  // Next loads a route's code on its first request; that one-off cost is not the publish speed.
  const warmUp = await post(api, '/api/v1/webhooks/events', publishBody(`${prefix}warm-up`))
  if (warmUp.status !== 201) throw new Error(`publishing an event answered HTTP ${warmUp.status}`)
  const dispatcher = new Agent({ connections: options.connections })
  const deadline = Date.now() + TIME_LIMIT_MS
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let next = 0
  const startedAt = preciseNow()
  const loop = async () => {
    while (next < options.events && Date.now() < deadline) {
      const jobId = `${prefix}${next++}`
      try {
        const answer = await post(api, '/api/v1/webhooks/events', publishBody(jobId), dispatcher)
        latencies.push(answer.ms)
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
      } catch (error) {
        const reason = (error as { code?: string }).code ?? (error as Error).name
        statuses[reason] = (statuses[reason] ?? 0) + 1
      }
    }
  }
  await Promise.all(Array.from({ length: options.connections }, loop))
  const elapsedMs = preciseNow() - startedAt
  await dispatcher.close()
  const accepted = (statuses['201'] ?? 0) + (statuses['200'] ?? 0)
  return {
    sent: next,
    accepted,
    statuses,
    rate: (accepted * 1_000) / elapsedMs,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  }
}

export async function measureBatchPublish(
  api: HubApi,
  options: { requests: number; batchSize: number },
): Promise<BatchPublishResult> {
  const prefix = `pub-batch-${randomBytes(3).toString('hex')}-`
  const batchBody = (batch: number | string, size: number) =>
    JSON.stringify({
      events: Array.from({ length: size }, (_, index) => ({
        event_type: 'job.completed',
        data: { job_id: `${prefix}${batch}-${index}` },
      })),
    })
  // A one-event batch both warms the route up and tells whether it exists yet.
  const probe = await post(api, '/api/v1/webhooks/events/batch', batchBody('probe', 1))
  if (probe.status === 404 || probe.status === 405)
    return { available: false, status: probe.status }
  if (probe.status < 200 || probe.status >= 300) {
    throw new Error(`batch publish probe answered HTTP ${probe.status}`)
  }
  const deadline = Date.now() + TIME_LIMIT_MS
  const latencies: number[] = []
  let events = 0
  const startedAt = preciseNow()
  for (let batch = 0; batch < options.requests && Date.now() < deadline; batch += 1) {
    const answer = await post(
      api,
      '/api/v1/webhooks/events/batch',
      batchBody(batch, options.batchSize),
    )
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(`batch publish answered HTTP ${answer.status}`)
    }
    latencies.push(answer.ms)
    events += options.batchSize
  }
  return {
    available: true,
    requests: latencies.length,
    events,
    eventsPerSecond: (events * 1_000) / (preciseNow() - startedAt),
    p99Ms: percentile(latencies, 0.99),
  }
}
