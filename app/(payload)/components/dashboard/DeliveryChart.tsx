'use client'
// Deliveries per minute and success rate over the last 24 h (recharts).
import React from 'react'
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

import type { MinuteBucket } from '@/lib/admin/readDeliverySeries'

export function DeliveryChart({ series }: { series: MinuteBucket[] }) {
  const data = series.map((bucket) => ({
    minute: bucket.minute.slice(11, 16),
    deliveries: bucket.attempted,
    successRate:
      bucket.attempted === 0 ? null : Math.round((bucket.succeeded / bucket.attempted) * 1000) / 10,
  }))
  if (data.length === 0)
    return <p data-testid="chart-empty">No delivery attempts in the last 24 hours.</p>
  return (
    <div style={{ width: '100%', height: 260 }} data-testid="delivery-chart">
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
          <XAxis dataKey="minute" minTickGap={40} />
          <YAxis yAxisId="count" allowDecimals={false} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" />
          <Tooltip />
          <Area
            yAxisId="count"
            dataKey="deliveries"
            name="deliveries / min"
            stroke="#2563eb"
            fill="#93c5fd"
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="successRate"
            name="success rate %"
            stroke="#16a34a"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
