// Boots Payload on the test file's throwaway database with every migration applied.
import type { Payload } from 'payload'

import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { runMigrations } from '@/lib/payload/runMigrations'

export async function bootHub(): Promise<Payload> {
  const payload = await getPayloadClient()
  await runMigrations(payload)
  return payload
}
