// The product as `npm start` runs it (migrate, web, worker) on a fresh database, seeded with an admin key.
import { randomBytes } from 'node:crypto'

import { trackChild } from '../chaos/trackChildren'
import { findFreePort } from '../chaos/findFreePort'
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
  workerPid: number
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
  const worker = trackChild(spawnTypeScript('scripts/worker.ts', { env, nodeFlags: profileFlags }))
  await waitForOutput(worker, /\[worker\] \S+ started/, 60_000)
  worker.stdout?.resume()

  return {
    api: { baseUrl: web.baseUrl, apiKey },
    database,
    signer,
    webPid: web.pid,
    workerPid: worker.pid ?? 0,
    async stop() {
      await Promise.all([web.stop(), stopChild(worker, 30_000)])
      jwks.close()
    },
  }
}
