// Re-runs processing of a stored callback on an operator's request (errored logs, or any verified one).
import type { Payload } from 'payload'

import { ApiError } from '@/lib/api/apiError'
import type { User } from '@/payload-types'
import { processInboundLog } from './processInboundLog'
import { presentInboundLog } from './presentInboundLog'
import { createProviderContext } from './providerContext'

const RETRYABLE = new Set(['error', 'processed', 'received'])

export async function retryInboundLog(payload: Payload, id: string, user: User) {
  const found = await payload.find({
    collection: 'webhook-logs',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const log = found.docs[0]
  if (!log) throw new ApiError('not_found', `No inbound log with id ${id}`)
  if (!RETRYABLE.has(log.status)) {
    throw new ApiError(
      'conflict',
      `A ${log.status} log cannot be processed: only verified callbacks can.`,
    )
  }
  const result = await processInboundLog(payload, log, createProviderContext())
  const updated = await payload.findByID({
    collection: 'webhook-logs',
    id: log.id,
    depth: 0,
    overrideAccess: true,
  })
  return { result, log: presentInboundLog(updated) }
}
