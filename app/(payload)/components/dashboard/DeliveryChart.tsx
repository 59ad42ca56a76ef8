'use client'
// Deliveries per minute and success rate over the last 24 h, drawn by uPlot on one canvas: an SVG chart
// library re-measured its tick labels through the DOM on every render and blocked the page for seconds
// with 1,440 minutes of data.
import React, { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

import type { MinuteBucket } from '@/lib/admin/readDeliverySeries'

const MINUTE_MS = 60_000
const CHART_HEIGHT = 260

// Every minute of the window gets a point, so quiet minutes show as zero instead of being bridged.
function toChartColumns(series: MinuteBucket[], since: string, until: string): uPlot.AlignedData {
  const byMinute = new Map(series.map((bucket) => [Date.parse(`${bucket.minute}:00Z`), bucket]))
  const first = Math.floor(Date.parse(since) / MINUTE_MS) * MINUTE_MS
  const last = Math.floor(Date.parse(until) / MINUTE_MS) * MINUTE_MS
  const times: number[] = []
  const deliveries: number[] = []
  const successRates: (number | null)[] = []
  for (let minute = first; minute <= last; minute += MINUTE_MS) {
    const bucket = byMinute.get(minute)
    times.push(minute / 1000)
    deliveries.push(bucket?.attempted ?? 0)
    successRates.push(
      bucket && bucket.attempted > 0
        ? Math.round((bucket.succeeded / bucket.attempted) * 1000) / 10
        : null,
    )
  }
  return [times, deliveries, successRates]
}

function chartOptions(width: number): uPlot.Options {
  return {
    width,
    height: CHART_HEIGHT,
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, rate: { range: [0, 100] } },
    series: [
      { label: 'UTC' },
      { label: 'deliveries / min', stroke: '#2563eb', fill: 'rgba(147, 197, 253, 0.5)', width: 1 },
      {
        label: 'success rate %',
        scale: 'rate',
        stroke: '#16a34a',
        width: 1.5,
        spanGaps: false,
        value: (_chart, rate) => (rate === null ? '—' : `${rate}%`),
      },
    ],
    axes: [
      {},
      { label: 'deliveries / min' },
      { scale: 'rate', side: 1, label: 'success %', grid: { show: false } },
    ],
  }
}

export function DeliveryChart({
  series,
  since,
  until,
}: {
  series: MinuteBucket[]
  since: string
  until: string
}) {
  const containerRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const container = containerRef.current
    if (!container || series.length === 0) return
    const chart = new uPlot(
      chartOptions(container.clientWidth),
      toChartColumns(series, since, until),
      container,
    )
    const resizeObserver = new ResizeObserver(() =>
      chart.setSize({ width: container.clientWidth, height: CHART_HEIGHT }),
    )
    resizeObserver.observe(container)
    return () => {
      resizeObserver.disconnect()
      chart.destroy()
    }
  }, [series, since, until])
  if (series.length === 0)
    return <p data-testid="chart-empty">No delivery attempts in the last 24 hours.</p>
  return <div ref={containerRef} style={{ width: '100%' }} data-testid="delivery-chart" />
}
