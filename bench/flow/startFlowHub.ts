// The product as `npm start` runs it (migrate, web, worker) on a fresh database, seeded with an admin key.
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'

import { trackChild } from '../chaos/trackChildren'
import { findFreePort } from '@/lib/process/findFreePort'
import { migrateDatabase, startHubWebServer } from '../chaos/startHubWebServer'
import { startJwksServer } from '../chaos/startJwksServer'
import { createFalSigner } from '../inbound/falSigner'
import { spawnTypeScript, stopChild, waitForExit, waitForOutput } from '../outbound/childProcesses'
import { prepareBenchDatabase, type BenchDatabase } from '../outbound/prepareBenchDatabase'
import type { HubApi } from './hubApi'

export type FlowHub = {
  api: HubApi
  database: BenchDatabase
  signer: ReturnType<typeof createFalSigner>
  webPid: number
  /** The running worker's pid (it changes when the worker is restarted). */
  readonly workerPid: number
  /** SIGTERM and wait for the drain: callbacks are then stored but not processed. */
  stopWorker(): Promise<void>
  startWorker(): Promise<void>
  stop(): Promise<void>
}

async function runScriptToCompletion(script: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  const child = trackChild(spawnTypeScript(script, { env }))
  child.stdout?.resume()
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await waitForExit(child)
  clearTimeout(timer)
  if (code !== 0) throw new Error(`${script} exited ${code} (killed after ${timeoutMs} ms?)`)
}

export async function startFlowHub(options: { profileDir?: string } = {}): Promise<FlowHub> {
  const database = prepareBenchDatabase('flow')
  const signer = createFalSigner()
  const jwks = await startJwksServer(signer.jwks)
  const apiKey = `flow-bench-${randomBytes(16).toString('hex')}`
  // Everything else stays at the product's defaults: no worker tuning is passed.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', FAL_JWKS_URL: jwks.url }

  await migrateDatabase(env)
  await runScriptToCompletion('scripts/seed.ts', { ...env, ADMIN_API_KEY: apiKey }, 120_000)
  const profileFlags = options.profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`]
    : []
  const web = await startHubWebServer(await findFreePort(), env, { nodeFlags: profileFlags })
  const spawnWorker = async () => {
    const child = trackChild(spawnTypeScript('scripts/worker.ts', { env, nodeFlags: profileFlags }))
    await waitForOutput(child, /\[worker\] \S+ started/, 60_000)
    child.stdout?.resume()
    return child
  }
  let worker: ChildProcess | null = await spawnWorker()

  return {
    api: { baseUrl: web.baseUrl, apiKey },
    database,
    signer,
    webPid: web.pid,
    get workerPid() {
      return worker?.pid ?? 0
    },
    async stopWorker() {
      if (worker) await stopChild(worker, 30_000)
      worker = null
    },
    async startWorker() {
      worker ??= await spawnWorker()
    },
    async stop() {
      await Promise.all([web.stop(), worker ? stopChild(worker, 30_000) : undefined])
      jwks.close()
    },
  }
}
