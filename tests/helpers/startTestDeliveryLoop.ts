// Runs the real delivery loop inside a test process, polling often so that deliveries start at once.
import type { Payload } from 'payload'
import { Agent } from 'undici'

import { createDeliveryLoop } from '@/lib/delivery/deliveryLoop'
import { createSsrfGuard } from '@/lib/delivery/ssrf/createSsrfGuard'
import { getDeliveryStore } from '@/lib/delivery/store/getDeliveryStore'

// Receivers here answer at once; an attempt times out only if the machine stalls, and a stall on a busy
// machine must not turn into an extra attempt in a test that counts them.
const ATTEMPT_TIMEOUT_MS = 60_000

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
      timeoutMs: options.timeoutMs ?? ATTEMPT_TIMEOUT_MS,
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
