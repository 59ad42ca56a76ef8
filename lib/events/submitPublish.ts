// Publishes one event through a group commit: concurrent single publishes share one publishEvents call,
// and so one write, instead of a transaction each.
import type { Payload } from 'payload'

import { createGroupCommit, type GroupCommit } from '@/lib/batching/createGroupCommit'
import type { PublishEventInput } from './publishEvent'
import { publishEvents, type PublishItemResult } from './publishEvents'
import { MAX_BATCH_EVENTS } from './publishLimits'

const commits = new WeakMap<Payload, GroupCommit<PublishEventInput, PublishItemResult>>()

export function submitPublish(
  payload: Payload,
  input: PublishEventInput,
): Promise<PublishItemResult> {
  let commit = commits.get(payload)
  if (!commit) {
    commit = createGroupCommit((inputs: PublishEventInput[]) => publishEvents(payload, inputs), {
      maxBatch: MAX_BATCH_EVENTS,
    })
    commits.set(payload, commit)
  }
  return commit.submit(input)
}
