// Chaos 4's last phase (issue 11, item 1): a correctly signed Last Frame callback nested 5,000 levels
// deep, sent between two valid ones. The poisoned one must be refused (400), the valid ones processed by
// the real worker, and no log left received or processing, as health must also say.
import { createHmac, randomUUID } from 'node:crypto'

import type { Client } from '@libsql/client'

import { countRows } from './openDatabase'
import { waitUntil } from './waitUntil'

const POISON_DEPTH = 5_000

function signedLastFrame(secret: string, jobId: string, result: string) {
  const body = `{"job_id":"${jobId}","status":"completed","result":${result}}`
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-lastframe-signature': createHmac('sha256', secret).update(body).digest('hex'),
      'x-lastframe-timestamp': String(Math.floor(Date.now() / 1000)),
    },
  }
}

export async function runPoisonedCallbackPhase(options: {
  baseUrl: string
  lastframeSecret: string
  client: Client
}) {
  const run = randomUUID().slice(0, 8)
  const poison = '{"a":'.repeat(POISON_DEPTH) + '1' + '}'.repeat(POISON_DEPTH)
  const answers: Array<{ status: number; body: { id?: string; error?: { code?: string } } }> = []
  for (const [jobId, result] of [
    [`lf_valid_a_${run}`, '{"output_url":"https://cdn.example.com/a.mp4"}'],
    [`lf_poison_${run}`, poison],
    [`lf_valid_b_${run}`, '{"output_url":"https://cdn.example.com/b.mp4"}'],
  ]) {
    const { body, headers } = signedLastFrame(options.lastframeSecret, jobId!, result!)
    const response = await fetch(`${options.baseUrl}/api/v1/webhooks/lastframe`, {
      method: 'POST',
      headers,
      body,
    })
    answers.push({ status: response.status, body: await response.json() })
  }
  const validIds = [answers[0]!.body.id, answers[2]!.body.id].filter(Boolean).map(Number)
  const countProcessed = () =>
    countRows(
      options.client,
      `SELECT COUNT(*) AS n FROM webhook_logs WHERE status = 'processed' AND id IN (?, ?)`,
      validIds.length === 2 ? validIds : [-1, -1],
    )
  const validProcessed = await waitUntil(async () => (await countProcessed()) === 2, {
    timeoutMs: 60_000,
    what: 'the two valid Last Frame callbacks to be processed',
  })
  const unfinished = await countRows(
    options.client,
    `SELECT COUNT(*) AS n FROM webhook_logs WHERE status IN ('received', 'processing')`,
  )
  const health = (await (await fetch(`${options.baseUrl}/api/v1/health`)).json()) as {
    data?: { inbound?: { stuck?: number } }
  }
  return {
    checks: {
      poisonedRefused:
        answers[1]!.status === 400 && answers[1]!.body.error?.code === 'payload_too_deep',
      validAcknowledged: answers[0]!.status === 200 && answers[2]!.status === 200,
      validProcessed,
      noneStuck: unfinished === 0 && health.data?.inbound?.stuck === 0,
    },
    figures: {
      poisonedAnswer: answers[1]!.status,
      logsLeftUnfinished: unfinished,
    },
  }
}
