// A store thread that cannot serve answers every call with an error instead of leaving callers waiting.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { startSqliteStoreThread } from '@/lib/storeThread/startSqliteStoreThread'

const claimRequest = {
  workerId: 'test',
  now: new Date(),
  leaseMs: 1_000,
  limit: 10,
  excludeWebhookIds: [],
}

describe('the SQLite store thread', () => {
  it('answers every call with the error when its database cannot be opened', async () => {
    const missing = path.join(
      mkdtempSync(path.join(tmpdir(), 'store-thread-')),
      'no/such/dir/hub.db',
    )
    const thread = startSqliteStoreThread(`file:${missing}`, 100, { onStopped: () => undefined })
    try {
      await expect(thread.delivery.claimDueDeliveries(claimRequest)).rejects.toThrow()
      await expect(thread.inbound.claimLogs(claimRequest)).rejects.toThrow()
    } finally {
      await thread.close()
    }
  })

  it('refuses calls once it has stopped, and says why', async () => {
    const stopped: Error[] = []
    const thread = startSqliteStoreThread(process.env.DATABASE_URL!, 100, {
      onStopped: (error) => stopped.push(error),
    })
    await thread.close()
    await expect(thread.delivery.claimDueDeliveries(claimRequest)).rejects.toThrow(/exited/)
    // Closing on purpose is not a failure the process must exit for.
    expect(stopped).toEqual([])
  })
})
