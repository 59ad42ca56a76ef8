// Every `*.postgres.test.ts` file gets its own database on the PostgreSQL server (TEST_POSTGRES_URL, by
// default the local server every development machine and CI run has), dropped when the file ends.
import { randomBytes } from 'node:crypto'

import type pg from 'pg'
import { afterAll } from 'vitest'

import { createThrowawayPostgresDatabase } from '@/lib/devtools/throwawayPostgresDatabase'

const database = await createThrowawayPostgresDatabase('test')
process.env.DATABASE_URL = database.url
process.env.PAYLOAD_SECRET = randomBytes(24).toString('hex')
process.env.ALLOW_PRIVATE_TARGETS = 'true'

type PayloadCache = Map<string, { payload: { db: { pool?: pg.Pool } } | null }>

// The file's Payload pool ends first (a client still checked out keeps it open, so the wait is bounded);
// dropping then ends whatever else is still connected.
afterAll(async () => {
  const pool = (globalThis as { _payload?: PayloadCache })._payload?.get('default')?.payload?.db
    .pool
  if (pool && !pool.ended)
    await Promise.race([pool.end(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())])
  await database.drop()
})
