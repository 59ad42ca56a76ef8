// The inbound lane's part of /api/v1/health: callbacks whose processing lease ran out without a worker
// taking them back (stuck), and callbacks whose processing failed and wait for an operator's retry.
import type { Payload } from 'payload'

export type InboundHealth = {
  /** `processing` past its lease: a worker died mid-batch and none has re-claimed them yet. */
  stuck: number
  /** `error`: processing failed; each keeps its reason and can be retried. */
  errored: number
}

export async function readInboundHealth(payload: Payload, now: Date): Promise<InboundHealth> {
  const [stuck, errored] = await Promise.all([
    payload.count({
      collection: 'webhook-logs',
      where: {
        and: [
          { status: { equals: 'processing' } },
          { lease_expires_at: { less_than: now.toISOString() } },
        ],
      },
      overrideAccess: true,
    }),
    payload.count({
      collection: 'webhook-logs',
      where: { status: { equals: 'error' } },
      overrideAccess: true,
    }),
  ])
  return { stuck: stuck.totalDocs, errored: errored.totalDocs }
}
