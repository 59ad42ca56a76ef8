// Runs the real inbound processing loop inside a test process.
import type { Payload } from 'payload'

import { createInboundProcessingLoop } from '@/lib/inbound/inboundProcessingLoop'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { getInboundLogStore } from '@/lib/inbound/store/getInboundLogStore'
import { createPayloadJobStateStore } from '@/lib/jobs/store/payloadJobStateStore'

export function startTestInboundLoop(payload: Payload) {
  const loop = createInboundProcessingLoop(payload, {
    workerId: 'test-inbound',
    leaseMs: 10_000,
    idlePollMs: 10,
    batchSize: 20,
    context: createProviderContext(),
    logStore: getInboundLogStore(payload),
    jobStore: createPayloadJobStateStore(payload),
  })
  loop.start()
  return loop
}
