// `npm run bench:ingest`: signed fal callbacks against the product route (hub), the same route without
// storing (framework ceiling) and a bare node:http verify + insert (floor), alternating in one run.
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'

import { describeMachine } from '../outbound/describeMachine'
import { readPeakRss } from '../outbound/readPeakRss'
import { countStoredCallbacks, driveIngestLoad } from './driveIngestLoad'
import { createFalSigner } from './falSigner'
import { formatIngestReport, type IngestRunResult } from './formatIngestReport'
import { INGEST_TARGETS, startIngestTarget, type IngestTarget } from './startIngestTarget'

const WARM_UP_REQUESTS = 3_000

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50,200' },
    duration: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '3210' },
    targets: { type: 'string', default: INGEST_TARGETS.join(',') },
    // Signed requests prepared per run: each request id is sent once, so this caps the rate measured.
    'max-rate': { type: 'string', default: '12000' },
  },
})
const connectionsList = values.connections.split(',').map(Number)
const durationSeconds = Number(values.duration)
const runs = Number(values.runs)
const port = Number(values.port)
const targets = values.targets.split(',') as IngestTarget[]
const poolSize = durationSeconds * Number(values['max-rate'])

async function startJwksServer(jwks: unknown) {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(jwks))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`
  return { url, close: () => server.close() }
}

if (!existsSync('.next/BUILD_ID')) throw new Error('Build the app first: npm run build')
const machine = describeMachine()
const signer = createFalSigner()
const jwksServer = await startJwksServer(signer.jwks)
const url = `http://127.0.0.1:${port}/api/v1/webhooks/fal`
const results: IngestRunResult[] = []
let sequence = 0
const signRequests = (count: number) =>
  Array.from({ length: count }, () =>
    signer.signCallback(`bench-${process.pid}-${sequence++}`, {
      images: [{ url: 'https://cdn.example.com/a.png' }],
      seed: 1,
    }),
  )

for (const connections of connectionsList) {
  for (let round = 1; round <= runs; round += 1) {
    for (const target of targets) {
      // Signed just before the run: fal's timestamps must stay inside the verifier's tolerance.
      const warmUp = signRequests(WARM_UP_REQUESTS)
      const measured = signRequests(poolSize)
      const server = await startIngestTarget(target, { port, jwksUrl: jwksServer.url })
      await driveIngestLoad(url, warmUp, { connections: 10, seconds: 1 })
      const storedBefore = server.stores ? await countStoredCallbacks(server.databaseFile) : 0
      const load = await driveIngestLoad(url, measured, { connections, seconds: durationSeconds })
      const peakRssMb = readPeakRss(server.pid).peakRssMb
      await server.stop()
      if (load.reused > 0) {
        throw new Error(`${target} outran the ${poolSize} signed requests: raise --max-rate`)
      }
      const stored = server.stores
        ? (await countStoredCallbacks(server.databaseFile)) - storedBefore
        : null
      server.remove()
      const { rps, p50, p99, ok, errors } = load
      results.push({ target, connections, round, rps, p50, p99, ok, errors, stored, peakRssMb })
      console.log(JSON.stringify(results.at(-1)))
      if (stored !== null && stored < load.ok) {
        throw new Error(`LOSS in ${target}: ${load.ok} acknowledged but ${stored} stored`)
      }
    }
  }
}
jwksServer.close()

console.log(
  `\nMachine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.kernel}`,
)
console.log(`Date: ${machine.date}; ${durationSeconds} s per run after a 1 s warm-up\n`)
console.log(formatIngestReport(results, connectionsList))
console.log(`\nJSON ${JSON.stringify({ machine, results })}`)
