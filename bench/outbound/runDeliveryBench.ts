// `npm run bench:delivery`: hub workers vs BullMQ peer workers (1 and 3 of each) on 100,000 deliveries,
// publish → receive latency, worker memory, idle latency, and 20,000 more with 20 % of first attempts 500.
import { parseArgs } from 'node:util'

import { prepareBenchDatabase } from './prepareBenchDatabase'
import { workerTuningFrom } from './spawnHubWorker'

const { values } = parseArgs({
  options: {
    deliveries: { type: 'string', default: '100000' },
    subscriptions: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string', default: '1,3' },
    'fail-fraction': { type: 'string', default: '0.2' },
    'failure-deliveries': { type: 'string', default: '20000' },
    'failure-workers': { type: 'string', default: '1,3' },
    'failure-rounds': { type: 'string', default: '3' },
    'publish-rate': { type: 'string', default: '0' },
    'latency-samples': { type: 'string', default: '50' },
    'run-timeout-s': { type: 'string', default: '900' },
    'profile-dir': { type: 'string' },
  },
})
const numbers = (list: string) => list.split(',').map(Number)

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
      workerCounts: numbers(values.workers),
      failFraction: Number(values['fail-fraction']),
      failureDeliveries: Number(values['failure-deliveries']),
      failureWorkerCounts: numbers(values['failure-workers']),
      failureRounds: Number(values['failure-rounds']),
      publishRate: Number(values['publish-rate']),
      latencySamples: Number(values['latency-samples']),
      runTimeoutMs: Number(values['run-timeout-s']) * 1000,
      tuning: workerTuningFrom(env),
      profileDir: values['profile-dir'],
    },
    database,
  )
} finally {
  database.remove()
}
process.exit(0)
