// A throwaway SQLite file and secret for one bench process, set in the environment before Payload loads.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export type BenchDatabase = { directory: string; file: string; remove(): void }

/** Must run before anything imports payload.config.ts: the config reads DATABASE_URL once. */
export function prepareBenchDatabase(label: string): BenchDatabase {
  const directory = mkdtempSync(path.join(tmpdir(), `webhook-hub-bench-${label}-`))
  const file = path.join(directory, 'hub.db')
  Object.assign(process.env, {
    DATABASE_URL: `file:${file}`,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    ALLOW_PRIVATE_TARGETS: 'true',
    NODE_ENV: 'production',
  })
  return { directory, file, remove: () => rmSync(directory, { recursive: true, force: true }) }
}
