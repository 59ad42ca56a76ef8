import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.LASTFRAME_WEBHOOK_SECRET = 'lastframe-poison-secret'
})

import { getInboundRegistry } from '@/lib/inbound/inboundRegistry'
import { createInboundProcessingLoop } from '@/lib/inbound/inboundProcessingLoop'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { getInboundLogStore } from '@/lib/inbound/store/getInboundLogStore'
import type { JobStateStore } from '@/lib/jobs/store/jobStateStore'
import { bootHub } from '../../helpers/bootHub'
import { postInbound } from '../../helpers/postInbound'
import { startTestInboundLoop } from '../../helpers/startTestInboundLoop'
import { waitFor } from '../../helpers/waitFor'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

function signed(body: string) {
  return {
    'x-lastframe-signature': createHmac('sha256', 'lastframe-poison-secret')
      .update(body)
      .digest('hex'),
  }
}

function callback(jobId: string, resultJson: string) {
  return `{"job_id":"${jobId}","status":"completed","service":"video","result":${resultJson}}`
}

// 5,000 nested objects: parses, but no recursive serializer (JSON.stringify, structured clone) survives it.
// The inbound route now refuses such a body (tests/security/item01), so it is stored as a log stored
// before that bound would have been: straight into the log store.
const poisonedResult = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)

/** The logs, once each is processed or errored. */
function waitForLogsSettled(ids: string[]) {
  return waitFor(
    () =>
      Promise.all(
        ids.map((id) =>
          payload.findByID({ collection: 'webhook-logs', id, depth: 0, overrideAccess: true }),
        ),
      ),
    (found) => found.every((log) => log.status === 'processed' || log.status === 'error'),
    { what: `logs ${ids.join(', ')} to be processed or errored` },
  )
}

async function storeDirectly(jobId: string, body: string): Promise<string> {
  const [inserted] = await getInboundLogStore(payload).insertLogs([
    {
      source: 'lastframe',
      status: 'received',
      verified: true,
      rejectionReason: null,
      rawBody: body,
      rawBodyBase64: null,
      rawBodySize: null,
      headers: {},
      sourceIp: null,
      receivedAt: new Date(),
      dedupeKey: `${jobId}:completed`,
      eventType: null,
      externalJobId: jobId,
      pathJobId: null,
    },
  ])
  return String(inserted!.id)
}

describe('a poisoned callback in a batch', () => {
  let loop: ReturnType<typeof startTestInboundLoop> | undefined
  afterAll(async () => loop?.drain())

  it('is marked error with its reason while the valid callbacks claimed with it are processed', async () => {
    const ids: string[] = []
    for (const [jobId, result] of [
      ['lf_before', '{"output_url":"https://cdn.example.com/1.mp4"}'],
      ['lf_poison', poisonedResult],
      ['lf_after', '{"output_url":"https://cdn.example.com/2.mp4"}'],
    ] as const) {
      const body = callback(jobId, result)
      if (jobId === 'lf_poison') {
        ids.push(await storeDirectly(jobId, body))
        continue
      }
      const response = await postInbound('lastframe', body, { headers: signed(body) })
      expect(response.status).toBe(200)
      ids.push(response.body.id)
    }
    // Stored first, processed together: all three are claimed in one batch.
    loop = startTestInboundLoop(payload)
    const logs = await waitForLogsSettled(ids)
    expect(logs.map((log) => log.status)).toEqual(['processed', 'error', 'processed'])
    expect(logs[1].error_message).toMatch(/stack|depth|serial/i)
    expect(logs[1].processing_attempts).toBe(1)
    const jobs = await payload.find({
      collection: 'jobs',
      where: { external_id: { in: ['lf_before', 'lf_after'] } },
      depth: 0,
      overrideAccess: true,
    })
    expect(jobs.docs.map((job) => job.status)).toEqual(['completed', 'completed'])
  })
})

describe('a batch whose store fails', () => {
  async function storeOne(jobId: string) {
    const body = callback(jobId, '{"output_url":"https://cdn.example.com/t.mp4"}')
    const response = await postInbound('lastframe', body, { headers: signed(body) })
    expect(response.status).toBe(200)
    return response.body.id as string
  }

  /** Runs the real loop on the given store until that store has been called once. */
  async function runUntilCalled(failure: Error, batchSize: number) {
    let called!: () => void
    const wasCalled = new Promise<void>((resolve) => (called = resolve))
    const jobStore: JobStateStore = {
      applyJobUpdates: async () => {
        called()
        throw failure
      },
    }
    const loop = createInboundProcessingLoop(payload, {
      workerId: 'failing-store',
      leaseMs: 60_000,
      idlePollMs: 10,
      batchSize,
      context: createProviderContext(),
      logStore: getInboundLogStore(payload),
      jobStore,
    })
    loop.start()
    await wasCalled
    await loop.drain()
  }

  const readStatus = async (id: string) =>
    (await payload.findByID({ collection: 'webhook-logs', id, depth: 0, overrideAccess: true }))
      .status

  it('leaves the logs to their lease when the database is busy: they are retried, not errored', async () => {
    const ids = [await storeOne('lf_busy_1'), await storeOne('lf_busy_2')]
    await runUntilCalled(
      Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }),
      10,
    )
    expect(await Promise.all(ids.map(readStatus))).toEqual(['processing', 'processing'])
  })

  it('marks a lone log error when its batch fails for a reason of its own', async () => {
    const id = await storeOne('lf_broken_1')
    await runUntilCalled(new Error('a bug in a handler'), 1)
    expect(await readStatus(id)).toBe('error')
  })
})

describe('a handler after the job-state write whose batch call fails', () => {
  it('runs on each log alone, so only the log it fails on is marked error', async () => {
    const seen: string[] = []
    const unregister = getInboundRegistry().register({
      name: 'batch-breaker',
      service: 'lastframe',
      priority: 10,
      canHandle: (context) => String(context.update?.external_job_id).startsWith('lf_hb_'),
      async handleBatch(contexts) {
        seen.push(`batch of ${contexts.length}`)
        throw new Error('one write for the batch failed')
      },
      async handle(context) {
        seen.push(String(context.update!.external_job_id))
        if (context.update!.external_job_id === 'lf_hb_bad') throw new Error('this one is bad')
      },
    })
    let loop: ReturnType<typeof startTestInboundLoop> | undefined
    try {
      const ids: string[] = []
      for (const jobId of ['lf_hb_1', 'lf_hb_bad', 'lf_hb_2']) {
        const body = callback(jobId, `{"output_url":"https://cdn.example.com/${jobId}.mp4"}`)
        const response = await postInbound('lastframe', body, { headers: signed(body) })
        ids.push(response.body.id)
      }
      loop = startTestInboundLoop(payload)
      const logs = await waitForLogsSettled(ids)
      expect(logs.map((log) => log.status)).toEqual(['processed', 'error', 'processed'])
      expect(logs[1].error_message).toBe('Handler batch-breaker failed: this one is bad')
      expect(seen).toEqual(['batch of 3', 'lf_hb_1', 'lf_hb_bad', 'lf_hb_2'])
      const media = await payload.find({
        collection: 'media',
        where: { url: { like: 'cdn.example.com/lf_hb_' } },
        depth: 0,
        overrideAccess: true,
      })
      expect(media.docs.map((doc) => doc.url).sort()).toEqual([
        'https://cdn.example.com/lf_hb_1.mp4',
        'https://cdn.example.com/lf_hb_2.mp4',
        'https://cdn.example.com/lf_hb_bad.mp4',
      ])
    } finally {
      unregister()
      await loop?.drain()
    }
  })
})
