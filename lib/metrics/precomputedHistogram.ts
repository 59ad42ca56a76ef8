// A Prometheus histogram whose buckets were counted by the database, not observed in this process.
// prom-client's Histogram can only observe values one at a time; its Registry formats any metric that
// answers get() with a histogram's series, which is what this does.
import type { Metric } from 'prom-client'

export type HistogramSeries = {
  labels: Record<string, string>
  /** Cumulative counts, one per upper bound. */
  bucketCounts: number[]
  count: number
  sum: number
}

export function createPrecomputedHistogram(options: {
  name: string
  help: string
  upperBounds: number[]
  series: HistogramSeries[]
}): Metric {
  const { name, help, upperBounds, series } = options
  const values = series.flatMap(({ labels, bucketCounts, count, sum }) => [
    ...upperBounds.map((bound, index) => ({
      metricName: `${name}_bucket`,
      labels: { ...labels, le: bound },
      value: bucketCounts[index]!,
    })),
    { metricName: `${name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count },
    { metricName: `${name}_sum`, labels, value: sum },
    { metricName: `${name}_count`, labels, value: count },
  ])
  const metric = { name, help, type: 'histogram', aggregator: 'sum' } as const
  return { ...metric, get: async () => ({ ...metric, values }) } as unknown as Metric
}
