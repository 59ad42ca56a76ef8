// `npm run seed`: migrations, the admin user (ADMIN_EMAIL / ADMIN_PASSWORD / ADMIN_API_KEY) and demo data.
import { readEnv } from '@/lib/config/env'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { runMigrations } from '@/lib/payload/runMigrations'
import { formatSeedSummary } from '@/lib/seed/formatSeedSummary'
import { seedAdminUser } from '@/lib/seed/seedAdminUser'
import { seedDemoData } from '@/lib/seed/seedDemoData'

const DEFAULT_ADMIN_EMAIL = 'admin@webhookhub.local'
const DEFAULT_ADMIN_PASSWORD = 'webhookhub-admin'

const email = process.env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL
const password = process.env.ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD

const payload = await getPayloadClient()
await runMigrations(payload)
const admin = await seedAdminUser(payload, {
  email,
  password,
  apiKey: process.env.ADMIN_API_KEY || undefined,
})
const demo = await seedDemoData(payload, {
  allowPrivateTargets: readEnv().ALLOW_PRIVATE_TARGETS,
})

console.log(
  formatSeedSummary({
    admin,
    email,
    defaultPassword: process.env.ADMIN_PASSWORD ? null : password,
    demo,
  }),
)
process.exit(0)
