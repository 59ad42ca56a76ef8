// Signed fal callbacks, each request id sent once at a fixed concurrency, with send and answer times.
import { Agent, request } from 'undici'

import type { SignedRequest } from '../inbound/falSigner'
import { preciseNow } from '../outbound/receiverProtocol'

export type TimedCallback = { requestId: string; sentAt: number; ackedAt: number }

export type TimedFiring = {
  acknowledged: TimedCallback[]
  failures: Record<string, number>
  firstSentAt: number
  lastAckedAt: number
}

export async function sendSignedCallback(
  url: string,
  signed: SignedRequest,
  dispatcher?: Agent,
): Promise<{ status: number; sentAt: number; ackedAt: number }> {
  const sentAt = preciseNow()
  const response = await request(url, {
    method: 'POST',
    body: signed.body,
    headers: signed.headers,
    dispatcher,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  })
  await response.body.text()
  return { status: response.statusCode, sentAt, ackedAt: preciseNow() }
}

export async function fireTimedCallbacks(options: {
  url: string
  requestIds: string[]
  concurrency: number
  sign: (requestId: string) => SignedRequest
  timeoutMs: number
}): Promise<TimedFiring> {
  const dispatcher = new Agent({ connections: options.concurrency, connect: { timeout: 5_000 } })
  const deadline = Date.now() + options.timeoutMs
  const firing: TimedFiring = {
    acknowledged: [],
    failures: {},
    firstSentAt: Number.POSITIVE_INFINITY,
    lastAckedAt: 0,
  }
  const fail = (reason: string) => (firing.failures[reason] = (firing.failures[reason] ?? 0) + 1)
  let next = 0

  const loop = async () => {
    while (next < options.requestIds.length && Date.now() < deadline) {
      const requestId = options.requestIds[next++]
      try {
        const answer = await sendSignedCallback(options.url, options.sign(requestId), dispatcher)
        firing.firstSentAt = Math.min(firing.firstSentAt, answer.sentAt)
        if (answer.status >= 200 && answer.status < 300) {
          firing.acknowledged.push({ requestId, sentAt: answer.sentAt, ackedAt: answer.ackedAt })
          firing.lastAckedAt = Math.max(firing.lastAckedAt, answer.ackedAt)
        } else fail(`HTTP ${answer.status}`)
      } catch (error) {
        fail((error as { code?: string }).code ?? (error as Error).name)
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, loop))
  await dispatcher.close()
  if (next < options.requestIds.length) {
    throw new Error(
      `burst: only ${next} of ${options.requestIds.length} callbacks sent within ${options.timeoutMs} ms`,
    )
  }
  return firing
}
