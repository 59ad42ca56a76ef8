'use client'
// A job at a glance: result preview (images and videos as thumbnails, other URLs as links), its status
// history, and the deliveries its events caused.
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type HistoryEntry = { status: string; progress?: number; at: string; source: string }
type DeliveryRow = {
  id: number | string
  event_type: string
  status: string
  last_status_code?: number | null
}

const IMAGE = /\.(png|jpe?g|gif|webp|avif)(\?|$)/i
const VIDEO = /\.(mp4|webm|mov)(\?|$)/i

export function collectUrls(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && /^https?:\/\//.test(value)) found.push(value)
  else if (Array.isArray(value)) value.forEach((item) => collectUrls(item, found))
  else if (value && typeof value === 'object')
    Object.values(value).forEach((item) => collectUrls(item, found))
  return found
}

export function JobOverview() {
  const { id } = useDocumentInfo()
  const result = useFormFields(([fields]) => fields.result?.value)
  const history = useFormFields(([fields]) => fields.status_history?.value) as
    HistoryEntry[] | undefined
  const [deliveries, setDeliveries] = useState<DeliveryRow[] | null>(null)
  useEffect(() => {
    if (!id) return
    void fetch(
      `/api/webhook-deliveries?where[job_id][equals]=${id}&depth=0&limit=50&sort=-createdAt`,
      { credentials: 'include' },
    )
      .then((response) => response.json())
      .then((json: { docs?: DeliveryRow[] }) => setDeliveries(json.docs ?? []))
  }, [id])
  const urls = [...new Set(collectUrls(result))].slice(0, 12)
  return (
    <div style={{ marginBottom: 24 }} data-testid="job-overview">
      <h3>Result</h3>
      {urls.length === 0 ? <p>No media in the result.</p> : null}
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }} data-testid="result-preview">
        {urls.map((url) =>
          IMAGE.test(url) ? (
            <a key={url} href={url} target="_blank" rel="noreferrer">
              {/* eslint-disable-next-line @next/next/no-img-element -- provider URLs, not optimizable */}
              <img
                src={url}
                alt="result"
                style={{ width: 160, height: 160, objectFit: 'cover', borderRadius: 4 }}
              />
            </a>
          ) : VIDEO.test(url) ? (
            <video key={url} src={url} controls style={{ width: 240 }} />
          ) : (
            <a key={url} href={url} target="_blank" rel="noreferrer">
              {url}
            </a>
          ),
        )}
      </div>
      <h3>Status history</h3>
      <table data-testid="status-history">
        <tbody>
          {(Array.isArray(history) ? history : []).map((entry, index) => (
            <tr key={index}>
              <td>{new Date(entry.at).toLocaleString()}</td>
              <td>{entry.status}</td>
              <td>{entry.progress ?? ''}</td>
              <td>{entry.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Deliveries caused</h3>
      {deliveries === null ? <p>Loading…</p> : null}
      {deliveries?.length === 0 ? <p>None.</p> : null}
      <ul data-testid="job-deliveries">
        {deliveries?.map((delivery) => (
          <li key={delivery.id}>
            <a href={`/admin/collections/webhook-deliveries/${delivery.id}`}>
              {delivery.event_type} · {delivery.status}
              {delivery.last_status_code ? ` · HTTP ${delivery.last_status_code}` : ''}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
