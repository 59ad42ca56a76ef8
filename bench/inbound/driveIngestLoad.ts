// One autocannon run of signed fal callbacks, each request id used once, and the count of stored rows.
import { createClient } from '@libsql/client'
import autocannon from 'autocannon'

import type { SignedRequest } from './falSigner'

export type LoadResult = {
  rps: number
  p50: number
  p99: number
  ok: number
  errors: number
  /** Requests sent beyond the signed pool, which repeat earlier request ids (0 in a valid run). */
  reused: number
}

export async function driveIngestLoad(
  url: string,
  requests: SignedRequest[],
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  let next = 0
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const signed = requests[next++ % requests.length]
          return { ...request, body: signed.body, headers: signed.headers }
        },
      },
    ],
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    errors: result.non2xx + result.errors + result.timeouts,
    reused: Math.max(0, next - requests.length),
  }
}

export async function countStoredCallbacks(databaseFile: string): Promise<number> {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    const rows = await client.execute(
      `SELECT COUNT(*) AS n FROM webhook_logs WHERE source = 'fal' AND status = 'received'`,
    )
    return Number(rows.rows[0].n)
  } finally {
    client.close()
  }
}
