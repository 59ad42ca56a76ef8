// `npm run seed`: migrations, the admin user (ADMIN_EMAIL / ADMIN_PASSWORD / ADMIN_API_KEY) and demo data.
import { readEnv } from '@/lib/config/env'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { runMigrations } from '@/lib/payload/runMigrations'
import { seedAdminUser } from '@/lib/seed/seedAdminUser'
import { seedDemoData } from '@/lib/seed/seedDemoData'

const DEFAULT_ADMIN_EMAIL = 'admin@webhookhub.local'
const DEFAULT_ADMIN_PASSWORD = 'webhookhub-admin'

const email = process.env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL
const password = process.env.ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD
const apiKey = process.env.ADMIN_API_KEY || undefined

const payload = await getPayloadClient()
await runMigrations(payload)
const outcome = await seedAdminUser(payload, { email, password, apiKey })
const demo = await seedDemoData(payload, {
  allowPrivateTargets: readEnv().ALLOW_PRIVATE_TARGETS,
})

const port = process.env.PORT || '3000'
console.log(`
[seed] admin user ${outcome}
  admin:    http://localhost:${port}/admin
  email:    ${email}
  password: ${process.env.ADMIN_PASSWORD ? '(from ADMIN_PASSWORD)' : password}
  api key:  ${apiKey ? '(from ADMIN_API_KEY)' : 'not set (set ADMIN_API_KEY and seed again)'}
  demo:     ${demo.length > 0 ? demo.join(', ') : 'already present'}`)
process.exit(0)
