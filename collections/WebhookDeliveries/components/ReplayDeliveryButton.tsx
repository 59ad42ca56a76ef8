'use client'
// "Replay": one more attempt now. Operators and admins only.
import { Button, toast, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { callHubApi } from '@/lib/admin/callHubApi'
import { hasRoleAtLeast, type Role } from '@/lib/model/roles'

export function ReplayDeliveryButton() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ role?: Role }>()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (!id || !hasRoleAtLeast(user?.role, 'operator')) return null
  const replay = async () => {
    setBusy(true)
    const result = await callHubApi(`/api/v1/webhooks/deliveries/${id}/replay`, { method: 'POST' })
    setBusy(false)
    if (result.ok) {
      toast.success('Replay queued: the worker attempts it now.')
      router.refresh()
    } else toast.error(result.message)
  }
  return (
    <Button buttonStyle="secondary" disabled={busy} onClick={replay} id="replay-delivery">
      {busy ? 'Replaying…' : 'Replay'}
    </Button>
  )
}
