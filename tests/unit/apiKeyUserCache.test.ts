import { describe, expect, it } from 'vitest'

import { createApiKeyUserCache } from '@/lib/api/createApiKeyUserCache'

function countingLookup(answer: (apiKey: string) => Promise<string | null>) {
  const calls: string[] = []
  const lookup = (apiKey: string) => {
    calls.push(apiKey)
    return answer(apiKey)
  }
  return { calls, lookup }
}

describe('createApiKeyUserCache', () => {
  it('shares one lookup between concurrent requests for the same key', async () => {
    const { calls, lookup } = countingLookup(async () => 'alice')
    const cache = createApiKeyUserCache(lookup, { ttlMs: 1_000, now: () => 0 })
    const users = await Promise.all([cache.resolve('k1'), cache.resolve('k1'), cache.resolve('k1')])
    expect(users).toEqual(['alice', 'alice', 'alice'])
    expect(calls).toEqual(['k1'])
  })

  it('looks the key up again once the TTL has passed since the lookup started', async () => {
    let clock = 0
    let owner: string | null = 'alice'
    const { calls, lookup } = countingLookup(async () => owner)
    const cache = createApiKeyUserCache(lookup, { ttlMs: 1_000, now: () => clock })
    expect(await cache.resolve('k1')).toBe('alice')
    owner = null
    clock = 999
    expect(await cache.resolve('k1')).toBe('alice')
    clock = 1_000
    expect(await cache.resolve('k1')).toBeNull()
    expect(calls).toHaveLength(2)
  })

  it('remembers an unknown key no longer than a known one', async () => {
    let clock = 0
    let owner: string | null = null
    const { lookup } = countingLookup(async () => owner)
    const cache = createApiKeyUserCache(lookup, { ttlMs: 1_000, now: () => clock })
    expect(await cache.resolve('k1')).toBeNull()
    owner = 'alice'
    clock = 1_000
    expect(await cache.resolve('k1')).toBe('alice')
  })

  it('forgets a failed lookup at once, so the next request asks again', async () => {
    let fail = true
    const { calls, lookup } = countingLookup(async () => {
      if (fail) throw new Error('database is locked')
      return 'alice'
    })
    const cache = createApiKeyUserCache(lookup, { ttlMs: 1_000, now: () => 0 })
    await expect(cache.resolve('k1')).rejects.toThrow('database is locked')
    fail = false
    expect(await cache.resolve('k1')).toBe('alice')
    expect(calls).toHaveLength(2)
  })

  it('keeps different keys apart', async () => {
    const { lookup } = countingLookup(async (apiKey) => (apiKey === 'k1' ? 'alice' : 'bob'))
    const cache = createApiKeyUserCache(lookup, { ttlMs: 1_000, now: () => 0 })
    expect(await cache.resolve('k1')).toBe('alice')
    expect(await cache.resolve('k2')).toBe('bob')
  })
})
