// A throwaway database (a SQLite file, or a database of its own on the PostgreSQL server) and secret for one
// bench process, set in the environment before Payload loads.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createThrowawayPostgresDatabase } from '@/lib/devtools/throwawayPostgresDatabase'

export type BenchDatabase = { directory: string; file: string; remove(): void }
export type BenchDatabaseKind = 'sqlite' | 'postgres'
export type PostgresBenchDatabase = { url: string; remove(): Promise<void> }

export function readBenchDatabaseKind(raw: string | undefined): BenchDatabaseKind {
  if (raw === undefined || raw === 'sqlite' || raw === 'postgres') return raw ?? 'sqlite'
  throw new Error(`--database must be sqlite or postgres, not ${raw}`)
}

function setBenchEnv(databaseUrl: string): void {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    ALLOW_PRIVATE_TARGETS: 'true',
    NODE_ENV: 'production',
  })
}

/** Must run before anything imports payload.config.ts: the config reads DATABASE_URL once. */
export function prepareBenchDatabase(label: string): BenchDatabase {
  const directory = mkdtempSync(path.join(tmpdir(), `webhook-hub-bench-${label}-`))
  const file = path.join(directory, 'hub.db')
  setBenchEnv(`file:${file}`)
  return { directory, file, remove: () => rmSync(directory, { recursive: true, force: true }) }
}

/** The same on the PostgreSQL server (lib/devtools/throwawayPostgresDatabase). */
export async function preparePostgresBenchDatabase(label: string): Promise<PostgresBenchDatabase> {
  const database = await createThrowawayPostgresDatabase(`bench_${label}`)
  setBenchEnv(database.url)
  return { url: database.url, remove: () => database.drop() }
}
