'use client'
// The body this delivery sends: built from its event (stored once) and its subscription.
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { callHubApi } from '@/lib/admin/callHubApi'

export function DeliveryBody() {
  const { id } = useDocumentInfo()
  const [body, setBody] = useState<string | null>(null)
  useEffect(() => {
    if (!id) return
    void callHubApi<{ payload: unknown }>(`/api/v1/webhooks/deliveries/${id}`).then((result) =>
      setBody(result.ok ? JSON.stringify(result.data.payload, null, 2) : result.message),
    )
  }, [id])
  return (
    <div style={{ marginBottom: 24 }}>
      <h3>Body sent (metadata.retry_attempt is added per attempt)</h3>
      <pre
        data-testid="delivery-body"
        style={{ whiteSpace: 'pre-wrap', maxHeight: 360, overflow: 'auto', fontSize: 12 }}
      >
        {body ?? 'Loading…'}
      </pre>
    </div>
  )
}
