// Runs the real inbound processing loop inside a test process.
import type { Payload } from 'payload'

import { createInboundProcessingLoop } from '@/lib/inbound/inboundProcessingLoop'
import { createProviderContext } from '@/lib/inbound/providerContext'

export function startTestInboundLoop(payload: Payload) {
  const loop = createInboundProcessingLoop(payload, {
    workerId: 'test-inbound',
    leaseMs: 10_000,
    idlePollMs: 10,
    batchSize: 20,
    context: createProviderContext(),
  })
  loop.start()
  return loop
}
