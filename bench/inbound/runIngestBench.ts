// `npm run bench:ingest`: signed fal callbacks against the built app's inbound route, storing (the product)
// and verify-only (the framework ceiling), alternating in one run; prints medians and the ratio.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import autocannon from 'autocannon'

import { createFalSigner, type SignedRequest } from './falSigner'

type Mode = 'store' | 'verify-only'
type RunResult = {
  mode: Mode
  connections: number
  rps: number
  p50: number
  p99: number
  ok: number
  errors: number
  stored: number | null
  peakRssMb: number | null
}

const args = new Map(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
)
const connectionsList = (args.get('connections') ?? '50,200').split(',').map(Number)
const durationSeconds = Number(args.get('duration') ?? 10)
const runs = Number(args.get('runs') ?? 3)
const port = Number(args.get('port') ?? 3210)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: 'ignore' })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`)),
    )
  })
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

function readPeakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Math.round(Number(match[1]) / 1024) : null
  } catch {
    return null
  }
}

async function startHub(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  await run('node_modules/.bin/tsx', ['scripts/migrate.ts'], env)
  const child = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  })
  await waitForHealth(`http://127.0.0.1:${port}/api/v1/health`, 60_000)
  return child
}

async function stopHub(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

async function loadTest(requests: SignedRequest[], connections: number, seconds: number) {
  let next = 0
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/webhooks/fal`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const signed = requests[next++ % requests.length]
          return { ...request, body: signed.body, headers: signed.headers }
        },
      },
    ],
  })
  return result
}

async function countStored(databaseFile: string): Promise<number> {
  const client = createClient({ url: `file:${databaseFile}` })
  const rows = await client.execute(
    `SELECT COUNT(*) AS n FROM webhook_logs WHERE source = 'fal' AND status = 'received'`,
  )
  client.close()
  return Number(rows.rows[0].n)
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Build the app first: npm run build')
  const signer = createFalSigner()
  const jwksServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(signer.jwks))
  })
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve))
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`
  const results: RunResult[] = []
  let sequence = 0

  for (const connections of connectionsList) {
    for (let round = 0; round < runs; round += 1) {
      for (const mode of ['store', 'verify-only'] as Mode[]) {
        const directory = mkdtempSync(path.join(tmpdir(), 'hub-ingest-'))
        const databaseFile = path.join(directory, 'hub.db')
        const hub = await startHub({
          NODE_ENV: 'production',
          DATABASE_URL: `file:${databaseFile}`,
          PAYLOAD_SECRET: 'bench-secret-0123456789abcdef',
          FAL_JWKS_URL: jwksUrl,
          HUB_BENCHMARK_INBOUND: mode === 'verify-only' ? 'verify-only' : '',
        })
        const requests = Array.from({ length: durationSeconds * 3000 }, () =>
          signer.signCallback(`bench-${process.pid}-${sequence++}`, {
            images: [{ url: 'https://cdn.example.com/a.png' }],
            seed: 1,
          }),
        )
        await loadTest(requests.slice(0, 500), 10, 1)
        const result = await loadTest(requests.slice(500), connections, durationSeconds)
        const peakRssMb = readPeakRssMb(hub.pid!)
        await stopHub(hub)
        const ok = result['2xx']
        const stored = mode === 'store' ? (await countStored(databaseFile)) - 500 : null
        results.push({
          mode,
          connections,
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          ok,
          errors: result.non2xx + result.errors + result.timeouts,
          stored,
          peakRssMb,
        })
        console.log(JSON.stringify(results[results.length - 1]))
        if (stored !== null && stored < ok)
          throw new Error(`LOSS: ${ok} acknowledged but ${stored} stored`)
      }
    }
  }
  jwksServer.close()

  console.log(
    '\n| connections | mode | req/s (median) | p50 ms | p99 ms | peak RSS MB | ratio store / verify-only |',
  )
  console.log('|---|---|---|---|---|---|---|')
  for (const connections of connectionsList) {
    const of = (mode: Mode) =>
      results.filter((r) => r.mode === mode && r.connections === connections)
    const store = of('store')
    const verify = of('verify-only')
    const ratios = store.map((r, index) => r.rps / verify[index].rps)
    for (const [mode, rows] of [
      ['store', store],
      ['verify-only', verify],
    ] as const) {
      console.log(
        `| ${connections} | ${mode} | ${Math.round(median(rows.map((r) => r.rps)))} | ${median(rows.map((r) => r.p50))} | ${median(rows.map((r) => r.p99))} | ${median(rows.map((r) => r.peakRssMb ?? 0))} | ${mode === 'store' ? median(ratios).toFixed(2) : ''} |`,
      )
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
