// `*.mongodb.test.ts` files run on MONGODB_URL (a database of their own on it) when it is set; without it
// (no MongoDB server exists on these machines) they skip, and say so once per file.
import { randomBytes } from 'node:crypto'

const serverUrl = process.env.MONGODB_URL
if (serverUrl) {
  const databaseUrl = new URL(serverUrl)
  databaseUrl.pathname = `/hub_test_${randomBytes(6).toString('hex')}`
  process.env.DATABASE_URL = databaseUrl.href
} else {
  console.warn('[tests] MONGODB_URL is not set: MongoDB store contract tests are skipped')
}
process.env.PAYLOAD_SECRET = randomBytes(24).toString('hex')
process.env.ALLOW_PRIVATE_TARGETS = 'true'
