// Scrapes share one database read: a scrape within METRICS_MAX_AGE_MS of the last read's start (in flight
// or done) gets that read. A read scans the deliveries, inbound logs and jobs (2.4–2.9 s for 100,000 of
// each on a loaded 2-core machine, BENCHMARKS.md), so several scrapers or a tight loop cannot multiply it.
import type { MetricsSnapshot, MetricsStore } from './metricsStore'

export function shareSnapshots(
  store: MetricsStore,
  options: { maxAgeMs: number; nowMs?: () => number },
): MetricsStore {
  const { maxAgeMs } = options
  const nowMs = options.nowMs ?? Date.now
  let latest: { startedMs: number; snapshot: Promise<MetricsSnapshot> } | null = null
  return {
    readSnapshot(now) {
      if (latest && nowMs() - latest.startedMs < maxAgeMs) return latest.snapshot
      const snapshot = store.readSnapshot(now)
      const entry = { startedMs: nowMs(), snapshot }
      latest = entry
      // A failed read is not shared: the next scrape tries again.
      snapshot.catch(() => {
        if (latest === entry) latest = null
      })
      return snapshot
    },
  }
}
