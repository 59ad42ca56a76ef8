'use client'
// Where one event went: every delivery it caused, with its subscription and outcome.
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type DeliveryRow = {
  id: number | string
  webhook?: number | string | null
  status: string
  attempt_count: number
  last_status_code?: number | null
}

export function EventDeliveries() {
  const { id } = useDocumentInfo()
  const eventId = useFormFields(([fields]) => fields.event_id?.value) as string | undefined
  const [deliveries, setDeliveries] = useState<DeliveryRow[] | null>(null)
  useEffect(() => {
    if (!id || !eventId) return
    void fetch(
      `/api/webhook-deliveries?where[event_id][equals]=${encodeURIComponent(eventId)}&depth=0&limit=100&sort=createdAt`,
      { credentials: 'include' },
    )
      .then((response) => response.json())
      .then((json: { docs?: DeliveryRow[] }) => setDeliveries(json.docs ?? []))
  }, [id, eventId])
  return (
    <div style={{ marginBottom: 24 }} data-testid="event-deliveries">
      <h3>Where it went</h3>
      {deliveries === null ? <p>Loading…</p> : null}
      {deliveries?.length === 0 ? <p>It matched no subscription.</p> : null}
      <ul>
        {deliveries?.map((delivery) => (
          <li key={delivery.id}>
            <a href={`/admin/collections/webhook-deliveries/${delivery.id}`}>
              subscription {delivery.webhook ?? '(deleted)'} · {delivery.status} ·{' '}
              {delivery.attempt_count} attempt(s)
              {delivery.last_status_code ? ` · HTTP ${delivery.last_status_code}` : ''}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
