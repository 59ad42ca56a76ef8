// fal's JWKS signing keys: cached at most 24 h, refetched for an unknown key at most once a minute.
import { createPublicKey, type KeyObject } from 'node:crypto'

import { z } from 'zod'

import { describeRootCause } from '@/lib/errors/describeRootCause'

export const FAL_JWKS_MAX_AGE_MS = 24 * 60 * 60 * 1000
export const FAL_JWKS_MIN_REFETCH_INTERVAL_MS = 60 * 1000
const FETCH_TIMEOUT_MS = 10_000

/** Passed per call because one cache per URL outlives any single request's context. */
export type JwksIo = { fetch: typeof fetch; now: () => Date }

export type FalJwksKeys = {
  readonly url: string
  /** Keys fetched less than the maximum age ago; empty before the first fetch and after expiry. */
  getCachedKeys(now: Date): KeyObject[]
  /**
   * Fetches the JWKS anew and caches it. Answers null without fetching when the previous fetch
   * started less than the minimum interval ago, so forged requests cannot make us hammer the URL;
   * throws FalJwksUnavailableError then if that fetch failed, since an unknown key and an
   * unreachable JWKS look alike.
   */
  refresh(io: JwksIo): Promise<KeyObject[] | null>
}

/** The JWKS could not be fetched or used; no key can be judged until `retryAfterMs` has passed. */
export class FalJwksUnavailableError extends Error {
  readonly retryAfterMs: number

  constructor(url: string, reason: string, retryAfterMs: number) {
    super(`fal's JWKS at ${url} is unavailable (${reason})`)
    this.name = 'FalJwksUnavailableError'
    this.retryAfterMs = retryAfterMs
  }
}

const jwksSchema = z.object({ keys: z.array(z.unknown()) })

const ed25519JwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(1),
})

function parseEd25519Keys(json: unknown): KeyObject[] {
  const jwks = jwksSchema.safeParse(json)
  if (!jwks.success) throw new Error('it is not a JSON Web Key Set')
  const keys = jwks.data.keys.flatMap((entry) => {
    const jwk = ed25519JwkSchema.safeParse(entry)
    if (!jwk.success) return []
    try {
      return [
        createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.data.x }, format: 'jwk' }),
      ]
    } catch {
      return []
    }
  })
  if (keys.length === 0) throw new Error('it holds no usable Ed25519 key')
  return keys
}

async function fetchEd25519Keys(url: string, fetcher: typeof fetch): Promise<KeyObject[]> {
  const response = await fetcher(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  })
  if (!response.ok) throw new Error(`it answered ${response.status}`)
  return parseEd25519Keys(await response.json())
}

export function createFalJwksKeys(options: {
  url: string
  maxAgeMs?: number
  minRefetchIntervalMs?: number
}): FalJwksKeys {
  const { url } = options
  const maxAgeMs = options.maxAgeMs ?? FAL_JWKS_MAX_AGE_MS
  const minRefetchIntervalMs = options.minRefetchIntervalMs ?? FAL_JWKS_MIN_REFETCH_INTERVAL_MS
  let keys: KeyObject[] = []
  let fetchedAtMs = Number.NEGATIVE_INFINITY
  let attemptedAtMs = Number.NEGATIVE_INFINITY
  let lastFailure: string | null = null
  let inFlight: Promise<KeyObject[]> | null = null

  function unavailable(reason: string, io: JwksIo): FalJwksUnavailableError {
    const untilRefetchMs = attemptedAtMs + minRefetchIntervalMs - io.now().getTime()
    return new FalJwksUnavailableError(url, reason, Math.max(0, untilRefetchMs))
  }

  return {
    url,

    getCachedKeys(now) {
      return now.getTime() - fetchedAtMs < maxAgeMs ? keys : []
    },

    refresh(io) {
      if (inFlight) return inFlight
      const startedAtMs = io.now().getTime()
      if (startedAtMs - attemptedAtMs < minRefetchIntervalMs) {
        if (lastFailure) return Promise.reject(unavailable(lastFailure, io))
        return Promise.resolve(null)
      }
      attemptedAtMs = startedAtMs
      inFlight = fetchEd25519Keys(url, io.fetch)
        .then(
          (fresh) => {
            keys = fresh
            fetchedAtMs = startedAtMs
            lastFailure = null
            return fresh
          },
          (error: unknown) => {
            lastFailure = describeRootCause(error)
            throw unavailable(lastFailure, io)
          },
        )
        .finally(() => {
          inFlight = null
        })
      return inFlight
    },
  }
}
