'use client'
// Bulk replay of the rows selected in the deliveries list. Operators and admins only.
import { Button, toast, useAuth, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { callHubApi } from '@/lib/admin/callHubApi'
import { hasRoleAtLeast, type Role } from '@/lib/model/roles'

export function ReplaySelectedButton() {
  const { user } = useAuth<{ role?: Role }>()
  const { getSelectedIds } = useSelection()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (!hasRoleAtLeast(user?.role, 'operator')) return null
  const replaySelected = async () => {
    const ids = getSelectedIds()
    if (ids.length === 0) return toast.info('Select the deliveries to replay first.')
    if (!window.confirm(`Replay ${ids.length} deliveries now?`)) return
    setBusy(true)
    const results = await Promise.all(
      ids.map((id) => callHubApi(`/api/v1/webhooks/deliveries/${id}/replay`, { method: 'POST' })),
    )
    setBusy(false)
    const replayed = results.filter((result) => result.ok).length
    toast.success(
      `${replayed} of ${ids.length} deliveries replayed${replayed < ids.length ? ' (in-flight or pending ones are skipped)' : ''}.`,
    )
    router.refresh()
  }
  return (
    <div style={{ marginBottom: 12 }}>
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={busy}
        onClick={replaySelected}
        id="replay-selected"
      >
        Replay selected
      </Button>
    </div>
  )
}
