// Every test file gets its own SQLite file and secret, set before payload.config.ts is first imported.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const directory = mkdtempSync(path.join(tmpdir(), 'webhook-hub-test-'))
process.env.DATABASE_URL = `file:${path.join(directory, 'hub.db')}`
process.env.PAYLOAD_SECRET = randomBytes(24).toString('hex')
process.env.ALLOW_PRIVATE_TARGETS = 'true'
