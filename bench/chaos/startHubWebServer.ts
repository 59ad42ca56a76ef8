// The built app (scripts/web.ts, production) on a scenario's database: started, SIGKILLed, restarted.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { waitForHttp } from '@/lib/process/waitForHttp'
import { REPO_ROOT, spawnTypeScript, stopChild, waitForExit } from '../outbound/childProcesses'
import { trackChild } from './trackChildren'

export type HubWebServer = {
  baseUrl: string
  pid: number
  /** True while the process that answered the health check is still the one running. */
  isAlive(): boolean
  kill(): Promise<void>
  stop(): Promise<void>
}

/** The same step `npm start` runs before the web app: committed migrations on DATABASE_URL. */
export async function migrateDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  const child = trackChild(spawnTypeScript('scripts/migrate.ts', { env }))
  child.stdout?.resume()
  const code = await waitForExit(child)
  if (code !== 0) throw new Error(`scripts/migrate.ts exited ${code}`)
}

export async function startHubWebServer(
  port: number,
  env: NodeJS.ProcessEnv,
  options: { nodeFlags?: string[] } = {},
): Promise<HubWebServer> {
  // The product's web process as `npm start` runs it; node runs it directly, so the pid we SIGKILL is
  // the server, not a wrapper.
  const child: ChildProcess = trackChild(
    spawn(
      process.execPath,
      [...(options.nodeFlags ?? []), '--import', 'tsx', path.join(REPO_ROOT, 'scripts/web.ts')],
      {
        cwd: REPO_ROOT,
        env: { ...env, NODE_ENV: 'production', PORT: String(port) },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    ),
  )
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[web ${child.pid}] ${chunk}`))
  const baseUrl = `http://127.0.0.1:${port}`
  const exited = waitForExit(child)
  const up = await Promise.race([
    waitForHttp(`${baseUrl}/api/v1/health`, 120_000),
    exited.then(() => false),
  ])
  if (!up) {
    await stopChild(child, 1_000)
    throw new Error(`next start on port ${port} did not become healthy`)
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    isAlive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      await stopChild(child, 10_000)
    },
  }
}
