// Signed fal callbacks at a fixed concurrency, each with its own request id, remembering what got a 2xx.
import { Agent, request } from 'undici'

import type { SignedRequest } from '../inbound/falSigner'
import { sleep } from './waitUntil'

export type Acknowledged = { requestId: string; logId: string }

export type CallbackFiring = {
  acknowledged: Acknowledged[]
  failures: Map<string, number>
  sent: number
  /** Resolves when `total` callbacks have been acknowledged. */
  done: Promise<void>
}

export function fireSignedCallbacks(options: {
  url: () => string
  total: number
  concurrency: number
  sign: (requestId: string) => SignedRequest
  runId: string
}): CallbackFiring {
  const dispatcher = new Agent({ connections: options.concurrency, connect: { timeout: 5_000 } })
  const firing: CallbackFiring = {
    acknowledged: [],
    failures: new Map(),
    sent: 0,
    done: Promise.resolve(),
  }
  const fail = (reason: string) =>
    firing.failures.set(reason, (firing.failures.get(reason) ?? 0) + 1)

  const loop = async () => {
    while (firing.acknowledged.length < options.total) {
      const requestId = `${options.runId}-${firing.sent++}`
      const signed = options.sign(requestId)
      try {
        const response = await request(options.url(), {
          method: 'POST',
          body: signed.body,
          headers: signed.headers,
          dispatcher,
          headersTimeout: 30_000,
          bodyTimeout: 30_000,
        })
        const text = await response.body.text()
        if (response.statusCode >= 200 && response.statusCode < 300) {
          const answer = JSON.parse(text) as { id?: string }
          firing.acknowledged.push({ requestId, logId: String(answer.id) })
        } else {
          fail(`HTTP ${response.statusCode}`)
        }
      } catch (error) {
        // The server is down or was killed mid-request: nothing was acknowledged, so nothing is owed.
        fail((error as { code?: string }).code ?? (error as Error).name)
        await sleep(20)
      }
    }
  }
  firing.done = Promise.all(Array.from({ length: options.concurrency }, loop)).then(() =>
    dispatcher.close(),
  )
  return firing
}
