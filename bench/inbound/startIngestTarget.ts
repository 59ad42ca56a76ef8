// The three servers the ingest bench compares, each on a fresh migrated SQLite file: the product route,
// the same route with persistence off (framework ceiling), and a bare node:http verify + insert (floor).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { spawnTypeScript, stopChild, waitForExit } from '../outbound/childProcesses'

export type IngestTarget = 'hub' | 'ceiling' | 'floor'

export const INGEST_TARGETS: IngestTarget[] = ['hub', 'ceiling', 'floor']

export type RunningTarget = {
  target: IngestTarget
  pid: number
  databaseFile: string
  /** Whether the target stores what it acknowledges; the ceiling does not. */
  stores: boolean
  stop(): Promise<void>
  /** Deletes the database file once its rows have been counted. */
  remove(): void
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

async function migrate(env: NodeJS.ProcessEnv) {
  const child = spawnTypeScript('scripts/migrate.ts', { env })
  child.stdout?.resume()
  const code = await waitForExit(child)
  if (code !== 0) throw new Error(`scripts/migrate.ts exited ${code}`)
}

function spawnServer(target: IngestTarget, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  if (target === 'floor') {
    const child = spawnTypeScript('bench/inbound/bareIngestServer.ts', {
      env: { ...env, PORT: String(port) },
    })
    child.stdout?.resume()
    return child
  }
  if (target === 'hub') {
    // The product's web process as `npm start` runs it (callbacks from node:http, the rest via Next);
    // node runs it directly, so its pid is the web process.
    return spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts'], {
      env: { ...env, PORT: String(port), NODE_ENV: 'production', HUB_BENCHMARK_INBOUND: '' },
      stdio: 'ignore',
    })
  }
  // The ceiling is the App Router route itself doing only the signature check: `next start`.
  return spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...env, HUB_BENCHMARK_INBOUND: 'verify-only' },
    stdio: 'ignore',
  })
}

export async function startIngestTarget(
  target: IngestTarget,
  options: { port: number; jwksUrl: string },
): Promise<RunningTarget> {
  const directory = mkdtempSync(path.join(tmpdir(), `hub-ingest-${target}-`))
  const databaseFile = path.join(directory, 'hub.db')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: `file:${databaseFile}`,
    PAYLOAD_SECRET: 'bench-secret-0123456789abcdef',
    FAL_JWKS_URL: options.jwksUrl,
  }
  await migrate(env)
  const child = spawnServer(target, options.port, env)
  const healthPath = target === 'floor' ? '/' : '/api/v1/health'
  await waitForHealth(`http://127.0.0.1:${options.port}${healthPath}`, 60_000)
  return {
    target,
    pid: child.pid ?? 0,
    databaseFile,
    stores: target !== 'ceiling',
    async stop() {
      await stopChild(child, 10_000)
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  }
}
