// Everything the admin dashboard shows, read through the same functions the API uses where one exists.
import type { Payload, Where } from 'payload'

import { readHealth } from '@/lib/health/readHealth'
import { JOB_STATUSES } from '@/lib/model/jobStatus'
import { BUILT_IN_PROVIDERS } from '@/lib/model/providers'
import { readDeliverySeries } from './readDeliverySeries'

const DAY_MS = 24 * 60 * 60 * 1000

export async function readDashboardStats(
  payload: Payload,
  options: { now?: Date; heartbeatStaleAfterMs: number },
) {
  const now = options.now ?? new Date()
  const since = new Date(now.getTime() - DAY_MS)
  const count = async (collection: 'webhook-logs' | 'jobs', where: Where) =>
    (await payload.count({ collection, where, overrideAccess: true })).totalDocs
  const customSources = await payload.find({
    collection: 'inbound-sources',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { slug: true },
  })
  const sources = [...BUILT_IN_PROVIDERS, ...customSources.docs.map((doc) => doc.slug)]
  const sinceIso = since.toISOString()
  const [health, series, inbound, jobs] = await Promise.all([
    readHealth(payload, { now, heartbeatStaleAfterMs: options.heartbeatStaleAfterMs }),
    readDeliverySeries(payload, since),
    Promise.all(
      sources.map(async (source) => ({
        source,
        received: await count('webhook-logs', {
          and: [{ source: { equals: source } }, { received_at: { greater_than_equal: sinceIso } }],
        }),
        rejected: await count('webhook-logs', {
          and: [
            { source: { equals: source } },
            { status: { equals: 'rejected' } },
            { received_at: { greater_than_equal: sinceIso } },
          ],
        }),
      })),
    ),
    Promise.all(
      JOB_STATUSES.map(async (status) => ({
        status,
        count: await count('jobs', { status: { equals: status } }),
      })),
    ),
  ])
  const attempted = series.reduce((sum, bucket) => sum + bucket.attempted, 0)
  const succeeded = series.reduce((sum, bucket) => sum + bucket.succeeded, 0)
  return {
    generatedAt: now.toISOString(),
    since: sinceIso,
    health,
    deliveries24h: {
      attempted,
      succeeded,
      successRate: attempted === 0 ? null : succeeded / attempted,
    },
    series,
    inbound,
    jobs,
  }
}

export type DashboardStats = Awaited<ReturnType<typeof readDashboardStats>>
