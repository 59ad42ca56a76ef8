import { describe, expect, it } from 'vitest'

import type { MetricsSnapshot, MetricsStore } from '@/lib/metrics/store/metricsStore'
import { shareSnapshots } from '@/lib/metrics/store/sharedSnapshot'

function countingStore(fail = false): MetricsStore & { reads: number } {
  const store = {
    reads: 0,
    async readSnapshot() {
      store.reads += 1
      if (fail) throw new Error('database locked')
      return { queueDepth: { deliveries: store.reads, inbound: 0 } } as MetricsSnapshot
    },
  }
  return store
}

describe('shared metrics snapshots', () => {
  it('answers scrapes within the max age from one read, and reads again after it', async () => {
    let nowMs = 0
    const store = countingStore()
    const shared = shareSnapshots(store, { maxAgeMs: 5_000, nowMs: () => nowMs })
    const [first, concurrent] = await Promise.all([
      shared.readSnapshot(new Date()),
      shared.readSnapshot(new Date()),
    ])
    nowMs = 4_999
    const later = await shared.readSnapshot(new Date())
    expect([first, concurrent, later]).toEqual([first, first, first])
    expect(store.reads).toBe(1)
    nowMs = 5_000
    expect((await shared.readSnapshot(new Date())).queueDepth.deliveries).toBe(2)
  })

  it('does not keep a failed read', async () => {
    const store = countingStore(true)
    const shared = shareSnapshots(store, { maxAgeMs: 5_000, nowMs: () => 0 })
    await expect(shared.readSnapshot(new Date())).rejects.toThrow('database locked')
    await expect(shared.readSnapshot(new Date())).rejects.toThrow('database locked')
    expect(store.reads).toBe(2)
  })
})
