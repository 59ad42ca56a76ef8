'use client'
// The operator's buttons on a subscription: send a test event (outcome inline), recover failed deliveries
// since a time, and for admins rotate or reveal the secret — shown once, never stored in the page.
import { Button, toast, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useRef, useState } from 'react'

import { callHubApi } from '@/lib/admin/callHubApi'
import type { AttemptRecord } from '@/lib/delivery/deliveryTypes'
import { hasRoleAtLeast, type Role } from '@/lib/model/roles'

type TestOutcome = {
  delivered: boolean
  status: string
  attempt: AttemptRecord | null
  message?: string
}

function SecretOnce({ secret }: { secret: string }) {
  return (
    <div
      data-testid="secret-once"
      style={{ padding: 12, border: '1px solid #f59e0b', borderRadius: 6, margin: '8px 0' }}
    >
      <strong>Copy this secret now — it is not shown again:</strong>
      <pre data-testid="secret-value" style={{ userSelect: 'all', margin: '8px 0' }}>
        {secret}
      </pre>
    </div>
  )
}

export function SubscriptionActions() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ role?: Role }>()
  const revealPending = useFormFields(([fields]) => fields.secret_reveal_pending?.value) as
    boolean | undefined
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<TestOutcome | null>(null)
  const [secret, setSecret] = useState<string | null>(null)
  // Read from the input when clicked: a value typed before hydration finishes is kept.
  const sinceInput = useRef<HTMLInputElement>(null)
  const [recovered, setRecovered] = useState<number | null>(null)
  if (!id)
    return (
      <p>Save the subscription to test it. A secret is generated and shown once after saving.</p>
    )
  const role = user?.role
  const isOperator = hasRoleAtLeast(role, 'operator')
  const isAdmin = hasRoleAtLeast(role, 'admin')

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    try {
      await action()
    } finally {
      setBusy(false)
    }
  }
  const sendTest = () =>
    run(async () => {
      setOutcome(null)
      const result = await callHubApi<TestOutcome>(`/api/v1/webhooks/subscriptions/${id}/test`, {
        method: 'POST',
        body: {},
      })
      if (result.ok) setOutcome(result.data)
      else toast.error(result.message)
    })
  const rotate = () =>
    run(async () => {
      if (!window.confirm('Rotate the secret? The old one keeps signing for 24 hours.')) return
      const result = await callHubApi<{ secret: string }>(
        `/api/v1/webhooks/subscriptions/${id}/rotate-secret`,
        { method: 'POST', body: {} },
      )
      if (result.ok) setSecret(result.data.secret)
      else toast.error(result.message)
    })
  const reveal = () =>
    run(async () => {
      const result = await callHubApi<{ secret: string }>(
        `/api/v1/webhooks/subscriptions/${id}/reveal-secret`,
        { method: 'POST' },
      )
      if (result.ok) setSecret(result.data.secret)
      else toast.error(result.message)
    })
  const recover = () =>
    run(async () => {
      const since = sinceInput.current?.value
      if (!since) return void toast.info('Pick the time to recover from.')
      const sinceIso = new Date(since).toISOString()
      if (!window.confirm(`Replay every failed or dead delivery created since ${sinceIso}?`)) return
      const result = await callHubApi<{ replayed: number }>(
        `/api/v1/webhooks/subscriptions/${id}/recover`,
        {
          method: 'POST',
          body: { since: sinceIso },
        },
      )
      if (result.ok) {
        setRecovered(result.data.replayed)
        toast.success(`${result.data.replayed} deliveries replayed.`)
      } else toast.error(result.message)
    })

  return (
    <div data-testid="subscription-actions" style={{ marginBottom: 24 }}>
      {secret ? <SecretOnce secret={secret} /> : null}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        {isOperator ? (
          <Button buttonStyle="secondary" disabled={busy} onClick={sendTest} id="send-test-event">
            Send test event
          </Button>
        ) : null}
        {isAdmin ? (
          <Button buttonStyle="secondary" disabled={busy} onClick={rotate} id="rotate-secret">
            Rotate secret
          </Button>
        ) : null}
        {isAdmin && revealPending && !secret ? (
          <Button buttonStyle="primary" disabled={busy} onClick={reveal} id="reveal-secret">
            Show the new secret (once)
          </Button>
        ) : null}
      </div>
      {isOperator ? null : (
        <p data-testid="read-only-note" style={{ margin: 0, opacity: 0.7 }}>
          Read-only: sending test events, recovering and rotating secrets need the operator or admin
          role.
        </p>
      )}
      {outcome ? (
        <div data-testid="test-outcome" style={{ marginTop: 8 }}>
          Test event {outcome.status}
          {outcome.attempt
            ? ` — HTTP ${outcome.attempt.status_code ?? 'no response'} in ${outcome.attempt.duration_ms} ms${outcome.attempt.error ? `: ${outcome.attempt.error}` : ''}`
            : ` — ${outcome.message ?? 'not attempted yet'}`}
        </div>
      ) : null}
      {isOperator ? (
        <div style={{ marginTop: 12, display: 'flex', gap: 8, alignItems: 'center' }}>
          <label htmlFor="recover-since">Recover failed since</label>
          <input id="recover-since" type="datetime-local" ref={sinceInput} />
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={busy}
            onClick={recover}
            id="recover-failed"
          >
            Replay failed and dead
          </Button>
          <span id="recover-count" data-testid="recover-count">
            {recovered === null ? '' : `${recovered} replayed`}
          </span>
        </div>
      ) : null}
    </div>
  )
}
