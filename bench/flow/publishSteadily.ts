// A steady stream of published events (job.completed with a job_id per event), for phases that need
// "other traffic" beside the one they measure; remembers when each event was published.
import { Agent, request } from 'undici'

import { preciseNow } from '../outbound/receiverProtocol'
import { authorizationHeaders, type HubApi } from './hubApi'

export type SteadyStream = {
  /** Publish time per key, for the events the hub accepted. */
  published: Map<string, number>
  failures: number
  /** Stops publishing and waits for the answers still due. */
  stop(): Promise<void>
}

export function publishSteadily(
  api: HubApi,
  options: { prefix: string; perSecond: number },
): SteadyStream {
  const dispatcher = new Agent({ connections: 8 })
  const published = new Map<string, number>()
  const inFlight = new Set<Promise<void>>()
  const stream: SteadyStream = { published, failures: 0, stop: async () => undefined }
  const gapMs = 1_000 / options.perSecond
  const startedAt = preciseNow()
  let sent = 0
  let stopped = false

  const publishOne = async (key: string) => {
    const sentAt = preciseNow()
    try {
      const response = await request(`${api.baseUrl}/api/v1/webhooks/events`, {
        method: 'POST',
        body: JSON.stringify({ event_type: 'job.completed', data: { job_id: key } }),
        headers: authorizationHeaders(api),
        dispatcher,
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      })
      await response.body.text()
      if (response.statusCode === 201) published.set(key, sentAt)
      else stream.failures += 1
    } catch {
      stream.failures += 1
    }
  }

  // Paced by the clock, not by answers: a slow hub does not slow the stream down.
  const timer = setInterval(
    () => {
      const due = Math.floor((preciseNow() - startedAt) / gapMs)
      while (!stopped && sent < due) {
        const sending = publishOne(`${options.prefix}${sent++}`)
        inFlight.add(sending)
        void sending.finally(() => inFlight.delete(sending))
      }
    },
    Math.max(1, Math.floor(gapMs / 2)),
  )

  stream.stop = async () => {
    stopped = true
    clearInterval(timer)
    await Promise.all(inFlight)
    await dispatcher.close()
  }
  return stream
}
