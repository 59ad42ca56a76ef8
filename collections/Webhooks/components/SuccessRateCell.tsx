'use client'
// The list's success-rate column, from the same stats endpoint the API serves.
import React, { useEffect, useState } from 'react'

import { callHubApi } from '@/lib/admin/callHubApi'

export function SuccessRateCell({ rowData }: { rowData?: { id?: number | string } }) {
  const [rate, setRate] = useState<string>('…')
  useEffect(() => {
    if (!rowData?.id) return
    void callHubApi<{ success_rate: number | null }>(
      `/api/v1/webhooks/subscriptions/${rowData.id}/stats`,
    ).then((result) =>
      setRate(
        !result.ok
          ? '?'
          : result.data.success_rate === null
            ? '—'
            : `${(result.data.success_rate * 100).toFixed(1)} %`,
      ),
    )
  }, [rowData?.id])
  return <span data-testid="success-rate-cell">{rate}</span>
}
