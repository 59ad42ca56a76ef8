// `npm run bench:delivery`: hub worker vs BullMQ peer throughput, worker memory, idle publish latency.
import { parseArgs } from 'node:util'

import { prepareBenchDatabase } from './prepareBenchDatabase'

const { values } = parseArgs({
  options: {
    deliveries: { type: 'string', default: '20000' },
    subscriptions: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
    'latency-samples': { type: 'string', default: '50' },
    'profile-dir': { type: 'string' },
  },
})

// Before any import that reaches payload.config.ts, which reads DATABASE_URL once.
const database = prepareBenchDatabase('delivery')
const { envSchema } = await import('@/lib/config/env')
const { runDeliveryBench } = await import('./deliveryBench')

// The product's own defaults unless the caller sets WORKER_CONCURRENCY etc.; the peer gets the same.
const env = envSchema.parse(process.env)
try {
  await runDeliveryBench(
    {
      deliveries: Number(values.deliveries),
      subscriptions: Number(values.subscriptions),
      rounds: Number(values.rounds),
      latencySamples: Number(values['latency-samples']),
      tuning: {
        concurrency: env.WORKER_CONCURRENCY,
        subscriptionConcurrency: env.WORKER_SUBSCRIPTION_CONCURRENCY,
        pollMs: env.DELIVERY_POLL_MS,
      },
      profileDir: values['profile-dir'],
    },
    database,
  )
} finally {
  database.remove()
}
process.exit(0)
