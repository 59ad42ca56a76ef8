// The admin home: delivery volume and success over 24 h, queue, workers, inbound traffic and jobs.
import type { AdminViewServerProps } from 'payload'
import Link from 'next/link'
import React from 'react'

import { readDashboardStats } from '@/lib/admin/readDashboardStats'
import { readEnv } from '@/lib/config/env'
import { DeliveryChart } from './DeliveryChart'

const card: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 6,
  padding: '12px 16px',
  minWidth: 160,
}

const ADMIN_LINKS = [
  ['/admin/collections/webhooks', 'Subscriptions'],
  ['/admin/collections/webhook-deliveries', 'Deliveries'],
  ['/admin/collections/webhook-logs', 'Inbound logs'],
  ['/admin/collections/jobs', 'Jobs'],
  ['/admin/collections/inbound-sources', 'Inbound sources'],
  ['/admin/collections/event-types', 'Custom event types'],
  ['/admin/collections/users', 'Users'],
] as const

function Stat({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div style={card}>
      <div style={{ fontSize: 12, opacity: 0.7 }}>{label}</div>
      <div style={{ fontSize: 24, fontWeight: 600 }} data-testid={testId}>
        {typeof value === 'number' ? value.toLocaleString('en-US') : value}
      </div>
    </div>
  )
}

export async function Dashboard({ initPageResult }: AdminViewServerProps) {
  const { payload } = initPageResult.req
  const stats = await readDashboardStats(payload, {
    heartbeatStaleAfterMs: readEnv().WORKER_HEARTBEAT_MS * 3,
  })
  const { health } = stats
  const rate = stats.deliveries24h.successRate
  return (
    <div style={{ padding: '24px 60px' }} data-testid="hub-dashboard">
      <h1>Webhook Hub</h1>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, margin: '16px 0' }}>
        <Stat label="Queue depth" value={health.queue.depth ?? '—'} testId="queue-depth" />
        <Stat label="Dead deliveries" value={health.queue.dead ?? '—'} testId="dead-deliveries" />
        <Stat label="Attempts, 24 h" value={stats.deliveries24h.attempted} testId="attempts-24h" />
        <Stat
          label="Success rate, 24 h"
          value={rate === null ? '—' : `${(rate * 100).toFixed(1)} %`}
          testId="success-rate-24h"
        />
        <Stat
          label="Worker"
          testId="worker-status"
          value={
            health.worker.status === 'absent'
              ? 'absent'
              : `${health.worker.status} (${health.worker.alive_workers})`
          }
        />
      </div>
      <p style={{ fontSize: 12, opacity: 0.7 }} data-testid="worker-heartbeat">
        Last worker heartbeat: {health.worker.last_heartbeat_at ?? 'never'} · database{' '}
        {health.database.reachable ? `reachable (${health.database.latency_ms} ms)` : 'UNREACHABLE'}
      </p>
      <h2>Deliveries per minute and success rate, last 24 h</h2>
      <DeliveryChart series={stats.series} since={stats.since} until={stats.generatedAt} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 40, marginTop: 24 }}>
        <section>
          <h2>Inbound callbacks, last 24 h</h2>
          <table data-testid="inbound-table">
            <thead>
              <tr>
                <th style={{ textAlign: 'left' }}>Source</th>
                <th>Received</th>
                <th>Rejected</th>
              </tr>
            </thead>
            <tbody>
              {stats.inbound.map((row) => (
                <tr key={row.source} data-testid={`inbound-${row.source}`}>
                  <td>
                    <a href={`/admin/collections/webhook-logs?where[source][equals]=${row.source}`}>
                      {row.source}
                    </a>
                  </td>
                  <td style={{ textAlign: 'right' }}>{row.received}</td>
                  <td style={{ textAlign: 'right' }}>{row.rejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>Jobs by status</h2>
          <table data-testid="jobs-table">
            <tbody>
              {stats.jobs.map((row) => (
                <tr key={row.status} data-testid={`jobs-${row.status}`}>
                  <td>
                    <a href={`/admin/collections/jobs?where[status][equals]=${row.status}`}>
                      {row.status}
                    </a>
                  </td>
                  <td style={{ textAlign: 'right' }}>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>Manage</h2>
          <ul>
            {ADMIN_LINKS.map(([href, label]) => (
              <li key={href}>
                <Link href={href}>{label}</Link>
              </li>
            ))}
            <li>
              <a href="/docs">API reference</a>
            </li>
          </ul>
        </section>
      </div>
    </div>
  )
}
