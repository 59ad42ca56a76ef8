// Authenticates management API callers: API keys through a cache of at most API_KEY_CACHE_TTL_MS (a changed,
// disabled or deleted key or user stops working within it in every process, since each process has its
// own cache and none outlives the TTL); JWTs and session cookies through payload.auth, uncached.
import type { Payload } from 'payload'

import type { User } from '@/payload-types'
import type { Role } from '@/lib/model/roles'
import { assertCallerRole, authenticateRequest, isJwtShaped, readBearerToken } from './authenticate'
import { createApiKeyUserCache, type ApiKeyUserCache } from './createApiKeyUserCache'
import { findUserByApiKey } from './findUserByApiKey'

export const API_KEY_CACHE_TTL_MS = 1_000

export type CallerAuthenticator = (
  payload: Payload,
  request: Request,
  minimumRole: Role,
) => Promise<User>

/** An API key alone; with a session cookie too, Payload's own order (session first) must decide. */
function readApiKey(headers: Headers): string | null {
  const token = readBearerToken(headers)
  if (!token || isJwtShaped(token) || headers.has('cookie')) return null
  return token
}

export function createCallerAuthenticator(
  options: { ttlMs?: number; now?: () => number } = {},
): CallerAuthenticator {
  const caches = new WeakMap<Payload, ApiKeyUserCache<User>>()
  const cacheFor = (payload: Payload) => {
    let cache = caches.get(payload)
    if (!cache) {
      cache = createApiKeyUserCache((apiKey) => findUserByApiKey(payload, apiKey), {
        ttlMs: options.ttlMs ?? API_KEY_CACHE_TTL_MS,
        now: options.now,
      })
      caches.set(payload, cache)
    }
    return cache
  }

  return async (payload, request, minimumRole) => {
    const apiKey = readApiKey(request.headers)
    if (apiKey === null) return authenticateRequest(payload, request, minimumRole)
    const user = await cacheFor(payload).resolve(apiKey)
    // Each request gets its own copy: Payload operations may annotate the user they are given.
    return assertCallerRole(user && { ...user }, minimumRole)
  }
}

export const authenticateCaller = createCallerAuthenticator()
