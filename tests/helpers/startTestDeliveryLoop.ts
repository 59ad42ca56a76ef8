// Runs the real delivery loop inside a test process, with short timeouts so retries happen in seconds.
import type { Payload } from 'payload'
import { Agent } from 'undici'

import { createDeliveryLoop } from '@/lib/delivery/deliveryLoop'
import { createSsrfGuard } from '@/lib/delivery/ssrf/createSsrfGuard'
import { getDeliveryStore } from '@/lib/delivery/store/getDeliveryStore'

export function startTestDeliveryLoop(
  payload: Payload,
  options: { timeoutMs?: number; workerId?: string } = {},
) {
  const guard = createSsrfGuard({ allowPrivateTargets: true })
  const loop = createDeliveryLoop(payload, {
    workerId: options.workerId ?? 'test-worker',
    store: getDeliveryStore(payload),
    http: {
      dispatcher: new Agent({ connect: { lookup: guard.lookup } }),
      guard,
      timeoutMs: options.timeoutMs ?? 2_000,
    },
    concurrency: 32,
    perSubscriptionConcurrency: 8,
    leaseMs: 10_000,
    idlePollMs: 10,
    claimBatchSize: 50,
  })
  loop.start()
  return loop
}
