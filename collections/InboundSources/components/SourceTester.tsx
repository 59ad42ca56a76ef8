'use client'
// Seed 004's WebhookTester on the source's page: the server signs a sample callback for this source and
// verifies it the way a provider's callback is verified; only the verdict comes back.
import { Button, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

type Verdict = { verdict: string; status: number; reason: string | null; signed_with: string }
type Failure = { error?: { message?: string } }

export function SourceTester() {
  const { id } = useDocumentInfo()
  const slug = useFormFields(([fields]) => fields.slug?.value) as string | undefined
  const [secret, setSecret] = useState('')
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  if (!id || !slug) return null

  async function send() {
    setSending(true)
    setVerdict(null)
    setProblem(null)
    try {
      const response = await fetch(`/api/v1/webhooks/sources/${encodeURIComponent(slug!)}/test`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(secret ? { secret } : {}),
      })
      const json = (await response.json()) as { data?: Verdict } & Failure
      if (json.data) setVerdict(json.data)
      else setProblem(json.error?.message ?? `HTTP ${response.status}`)
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setSending(false)
    }
  }

  return (
    <div style={{ marginBottom: 24 }} data-testid="source-tester">
      <h3>Test this source</h3>
      <p>
        Signs a sample callback with the saved secret (or the one you try below) and verifies it as
        a real callback. Nothing is stored.
      </p>
      <input
        type="password"
        autoComplete="off"
        placeholder="Try another secret (optional)"
        value={secret}
        onChange={(event) => setSecret(event.target.value)}
        style={{ marginRight: 12 }}
        data-testid="source-tester-secret"
      />
      <Button buttonStyle="secondary" size="small" onClick={send} disabled={sending}>
        {sending ? 'Sending…' : 'Send signed test callback'}
      </Button>
      {verdict ? (
        <p data-testid="source-tester-verdict">
          <strong>{verdict.verdict}</strong> (HTTP {verdict.status}, signed with{' '}
          {verdict.signed_with}){verdict.reason ? `: ${verdict.reason}` : ''}
        </p>
      ) : null}
      {problem ? <p data-testid="source-tester-problem">{problem}</p> : null}
    </div>
  )
}
