// Remembers whom an API key belongs to for at most ttlMs, keyed by the key's SHA-256 (never the key), so
// a busy API does not query users on every request yet a revoked key stops working within ttlMs.
import { createHash } from 'node:crypto'

export type ApiKeyUserCache<User> = { resolve(apiKey: string): Promise<User | null> }

type Entry<User> = { expiresAt: number; user: Promise<User | null> }

// Random keys from a scanner must not grow the map without bound.
const MAX_ENTRIES = 10_000

export function createApiKeyUserCache<User>(
  lookup: (apiKey: string) => Promise<User | null>,
  options: { ttlMs: number; now?: () => number },
): ApiKeyUserCache<User> {
  const now = options.now ?? Date.now
  const entries = new Map<string, Entry<User>>()

  const makeRoom = (at: number) => {
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key)
    while (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  }

  return {
    resolve(apiKey) {
      const at = now()
      const key = createHash('sha256').update(apiKey).digest('base64url')
      const cached = entries.get(key)
      if (cached && cached.expiresAt > at) return cached.user
      if (entries.size >= MAX_ENTRIES) makeRoom(at)
      // The TTL runs from the start of the lookup, so an answer read just before a change is never
      // served for longer than ttlMs after it. An unknown key is remembered exactly as long as a known one.
      const entry: Entry<User> = { expiresAt: at + options.ttlMs, user: lookup(apiKey) }
      entries.set(key, entry)
      entry.user.catch(() => {
        // A lookup that failed (the database, not the key) is retried by the next request.
        if (entries.get(key) === entry) entries.delete(key)
      })
      return entry.user
    },
  }
}
