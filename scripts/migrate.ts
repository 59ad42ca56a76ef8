// `npm run migrate`: applies committed migrations to DATABASE_URL.
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { runMigrations } from '@/lib/payload/runMigrations'

const payload = await getPayloadClient()
await runMigrations(payload)
console.log('[hub] migrations applied')
process.exit(0)
