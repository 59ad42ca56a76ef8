'use client'
// An inbound log at a glance: the verdict, the raw body pretty-printed, and "Retry processing".
import { Button, toast, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { callHubApi } from '@/lib/admin/callHubApi'
import { hasRoleAtLeast, type Role } from '@/lib/model/roles'

function prettyPrint(raw: string | undefined): string {
  if (!raw) return '(no body stored)'
  try {
    return JSON.stringify(JSON.parse(raw), null, 2)
  } catch {
    return raw
  }
}

export function InboundLogDetail() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ role?: Role }>()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const verified = useFormFields(([fields]) => fields.verified?.value) as boolean | undefined
  const reason = useFormFields(([fields]) => fields.rejection_reason?.value) as string | undefined
  const error = useFormFields(([fields]) => fields.error_message?.value) as string | undefined
  const rawBody = useFormFields(([fields]) => fields.raw_body?.value) as string | undefined
  const exactBytes = useFormFields(([fields]) => fields.raw_body_base64?.value) as
    string | undefined
  const receivedSize = useFormFields(([fields]) => fields.raw_body_size?.value) as
    number | undefined
  const storedSize = exactBytes
    ? atob(exactBytes).length
    : new TextEncoder().encode(rawBody ?? '').length
  const canRetry =
    hasRoleAtLeast(user?.role, 'operator') && (status === 'error' || status === 'processed')
  const retry = async () => {
    setBusy(true)
    const result = await callHubApi<{ result: { status: string; error?: string } }>(
      `/api/v1/webhooks/logs/${id}/retry`,
      {
        method: 'POST',
      },
    )
    setBusy(false)
    if (!result.ok) return void toast.error(result.message)
    if (result.data.result.status === 'processed') toast.success('Processed.')
    else toast.error(`Still failing: ${result.data.result.error}`)
    router.refresh()
  }
  return (
    <div style={{ marginBottom: 24 }} data-testid="inbound-log-detail">
      <p data-testid="log-verdict">
        <strong>{status}</strong> · signature {verified ? 'verified' : 'not verified'}
        {reason ? ` · ${reason}` : ''}
        {error ? ` · error: ${error}` : ''}
      </p>
      {canRetry ? (
        <Button buttonStyle="secondary" disabled={busy} onClick={retry} id="retry-processing">
          Retry processing
        </Button>
      ) : null}
      <h3>Body as received</h3>
      {exactBytes ? (
        <p data-testid="body-not-utf8">
          Not valid UTF-8: each invalid byte shows as U+FFFD below; the exact bytes are kept in
          raw_body_base64.
        </p>
      ) : null}
      {receivedSize && receivedSize > storedSize ? (
        <p data-testid="body-excerpt">
          Excerpt: the first {storedSize} of {receivedSize} bytes (a rejected body is not kept
          whole).
        </p>
      ) : null}
      <pre
        data-testid="pretty-body"
        style={{
          maxHeight: 400,
          overflow: 'auto',
          fontSize: 12,
          background: 'var(--theme-elevation-50)',
          padding: 12,
        }}
      >
        {prettyPrint(rawBody)}
      </pre>
    </div>
  )
}
