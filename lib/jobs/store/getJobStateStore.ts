// Picks the job-state store for a Payload instance: the batched SQLite store on its store thread when the
// process has one, otherwise the Local API store (MongoDB, or a process without a thread).
import type { Payload } from 'payload'

import { storeThreadOf } from '@/lib/storeThread/storeThreadRegistry'
import type { JobStateStore } from './jobStateStore'
import { createPayloadJobStateStore } from './payloadJobStateStore'

export function getJobStateStore(payload: Payload): JobStateStore {
  return storeThreadOf(payload)?.jobs ?? createPayloadJobStateStore(payload)
}
