'use client'
// Every attempt of a delivery as a timeline: time, status code, duration, response excerpt, error.
import { useFormFields } from '@payloadcms/ui'
import React from 'react'

import type { AttemptRecord } from '@/lib/delivery/deliveryTypes'

export function AttemptsTimeline() {
  const attempts = useFormFields(([fields]) => fields.attempts?.value) as
    AttemptRecord[] | undefined
  const list = Array.isArray(attempts) ? attempts : []
  return (
    <div style={{ marginBottom: 24 }} data-testid="attempts-timeline">
      <h3>Attempts ({list.length})</h3>
      {list.length === 0 ? <p>No attempt yet.</p> : null}
      <ol style={{ listStyle: 'none', padding: 0 }}>
        {list.map((attempt) => {
          const ok =
            attempt.status_code !== null &&
            attempt.status_code >= 200 &&
            attempt.status_code < 300 &&
            !attempt.error
          return (
            <li
              key={attempt.attempt}
              data-testid={`attempt-${attempt.attempt}`}
              style={{
                borderLeft: `4px solid ${ok ? '#16a34a' : '#dc2626'}`,
                padding: '6px 12px',
                margin: '8px 0',
              }}
            >
              <strong>#{attempt.attempt}</strong> {new Date(attempt.attempted_at).toLocaleString()}{' '}
              · <span data-testid="attempt-status">{attempt.status_code ?? 'no response'}</span> ·{' '}
              {attempt.duration_ms} ms
              {attempt.error ? <div style={{ color: '#dc2626' }}>{attempt.error}</div> : null}
              {attempt.response_body ? (
                <pre
                  style={{ whiteSpace: 'pre-wrap', maxHeight: 120, overflow: 'auto', fontSize: 12 }}
                >
                  {attempt.response_body}
                </pre>
              ) : null}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
