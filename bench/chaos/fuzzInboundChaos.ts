// Chaos 4: randomized malformed inbound requests and request targets (undecodable paths, invalid Host):
// no 5xx, no crash, no silence, nothing accepted or processed; then a poisoned callback between valid ones.
import { randomBytes } from 'node:crypto'
import { Agent } from 'node:http'

import { envSchema } from '@/lib/config/env'
import { generateWebhookSecret } from '@/lib/signing/generateWebhookSecret'
import { createFalSigner } from '../inbound/falSigner'
import { prepareBenchDatabase } from '../outbound/prepareBenchDatabase'
import { spawnHubWorker, workerTuningFrom } from '../outbound/spawnHubWorker'
import { bySize, readChaosOptions } from './chaosOptions'
import { ensureBuild } from './ensureBuild'
import { findFreePort } from '@/lib/process/findFreePort'
import { createFuzzCase, type FuzzCase } from './inboundFuzzCases'
import type { FuzzSecrets } from './inboundFuzzTargets'
import { countRows, openDatabase } from './openDatabase'
import { runPoisonedCallbackPhase } from './poisonedCallbackPhase'
import { createRequestTargetCase } from './requestTargetFuzzCases'
import { decide, finishScenario } from './scenarioResult'
import { createSeededRandom } from './seededRandom'
import { sendRawRequest, type RawOutcome } from './sendRawRequest'
import { migrateDatabase, startHubWebServer } from './startHubWebServer'
import { startJwksServer } from './startJwksServer'
import { trackPid } from './trackChildren'
import { waitUntil } from './waitUntil'

const BODY_LIMIT_BYTES = 1024 * 1024
const options = readChaosOptions()
const total = bySize(options.size, { ci: 2_000, full: 10_000 })
const concurrency = 16
const startedAt = Date.now()
console.log(`[chaos] fuzz-inbound: ${total} requests, seed ${options.seed} (replay with --seed)`)
ensureBuild(process.argv.includes('--skip-build'))

const database = prepareBenchDatabase('chaos-fuzz')
const falSigner = createFalSigner()
const jwks = await startJwksServer(falSigner.jwks)
const secrets: FuzzSecrets = {
  falSigner,
  openai: generateWebhookSecret(),
  replicate: generateWebhookSecret(),
  lastframe: randomBytes(24).toString('hex'),
  comfyKey: randomBytes(24).toString('hex'),
  customHmac: {
    slug: 'chaos-hmac',
    secret: randomBytes(24).toString('hex'),
    header: 'x-chaos-signature',
    prefix: 'sha256=',
  },
  customStandard: { slug: 'chaos-standard', secret: generateWebhookSecret() },
  customToken: { slug: 'chaos-token', secret: randomBytes(24).toString('hex') },
  jobIds: [],
}
Object.assign(process.env, {
  FAL_JWKS_URL: jwks.url,
  OPENAI_WEBHOOK_SECRET: secrets.openai,
  REPLICATE_WEBHOOK_SECRET: secrets.replicate,
  LASTFRAME_WEBHOOK_SECRET: secrets.lastframe,
  WEBHOOK_SECRET: secrets.comfyKey,
  INBOUND_BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES),
})
const { getPayloadClient } = await import('@/lib/payload/getPayloadClient')
const payload = await getPayloadClient()
await migrateDatabase(process.env)
for (const source of [
  { ...secrets.customHmac, scheme: 'hmac-sha256-hex' as const },
  { ...secrets.customStandard, scheme: 'standard-webhooks' as const },
  { ...secrets.customToken, scheme: 'url-token' as const },
]) {
  await payload.create({
    collection: 'inbound-sources',
    overrideAccess: true,
    data: {
      slug: source.slug,
      name: source.slug,
      scheme: source.scheme,
      secret: source.secret,
      ...('header' in source
        ? { header_name: source.header, signature_prefix: source.prefix }
        : {}),
    },
  })
}
for (const provider of ['fal', 'comfydeploy', 'lastframe', 'chaos-token']) {
  const job = await payload.create({
    collection: 'jobs',
    overrideAccess: true,
    data: { provider, external_id: `ext-${provider}`, status: 'processing' },
  })
  secrets.jobIds.push(String(job.id))
}

const client = openDatabase(database.file)
const snapshotJobs = async () =>
  JSON.stringify((await client.execute('SELECT * FROM jobs ORDER BY id')).rows)
const jobsBefore = await snapshotJobs()
const web = await startHubWebServer(await findFreePort(), process.env)
const env = envSchema.parse(process.env)
const worker = await spawnHubWorker(workerTuningFrom(env))
trackPid(worker.pid)

const random = createSeededRandom(options.seed)
const statuses = new Map<string, number>()
const serverErrors: Array<{ kind: string; path: string; status: number }> = []
const accepted: Array<{ kind: string; path: string; status: number }> = []
const networkErrors: Array<{ kind: string; error: string }> = []
const earlyCloses: string[] = []
const resetsOnReusedConnection: string[] = []
const clientRefused: string[] = []
// Malformed paths and Host headers must get exactly a 400 with a JSON body.
const targetFindings: Array<{ kind: string; path: string; status: number | null; type: string }> =
  []
const TARGET_KINDS = new Set(['malformed-path', 'invalid-host'])
const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
let next = 0

function classify(fuzz: FuzzCase, outcome: RawOutcome) {
  const { status, error } = outcome
  const label = status === null ? `error ${error}` : String(status)
  statuses.set(label, (statuses.get(label) ?? 0) + 1)
  const type = outcome.contentType ?? ''
  if (TARGET_KINDS.has(fuzz.kind) && (status !== 400 || !type.startsWith('application/json')))
    targetFindings.push({ kind: fuzz.kind, path: fuzz.path, status, type })
  if (status === -1) clientRefused.push(`${fuzz.kind}: ${error}`)
  else if (status !== null && status >= 500) {
    serverErrors.push({ kind: fuzz.kind, path: fuzz.path, status })
  } else if (status !== null && status < 400) {
    accepted.push({ kind: fuzz.kind, path: fuzz.path, status })
  } else if (status === null && fuzz.oversized) earlyCloses.push(String(error))
  else if (status === null) networkErrors.push({ kind: fuzz.kind, error: String(error) })
}

const fuzzLoop = async () => {
  while (next < total) {
    next += 1
    const fuzz = random.chance(0.1)
      ? createRequestTargetCase(random)
      : createFuzzCase(random, secrets, BODY_LIMIT_BYTES)
    let outcome = await sendRawRequest(agent, web.baseUrl, fuzz, 30_000)
    if (outcome.status === null && !fuzz.oversized) {
      // A keep-alive socket the server had just closed (after an early 413 on it, say) resets the
      // next request sent on it; only a reset on a fresh connection would say something about the server.
      resetsOnReusedConnection.push(`${fuzz.kind}: ${outcome.error}`)
      const fresh = new Agent({ keepAlive: false })
      outcome = await sendRawRequest(fresh, web.baseUrl, fuzz, 30_000)
      fresh.destroy()
    }
    classify(fuzz, outcome)
  }
}
await Promise.all(Array.from({ length: concurrency }, fuzzLoop))
agent.destroy()
// Anything that slipped through must be processed before the jobs are compared, or a change would not
// show: wait until the worker has nothing left, however long a loaded machine makes that.
const workerCaughtUp = await waitUntil(
  async () =>
    (await countRows(
      client,
      "SELECT COUNT(*) AS n FROM webhook_logs WHERE status IN ('received', 'processing')",
    )) === 0,
  { timeoutMs: 120_000, what: 'the worker to finish every stored callback' },
)

const healthAnswer = await fetch(`${web.baseUrl}/api/v1/health`).catch(() => null)
const serverSurvived = web.isAlive() && healthAnswer !== null && healthAnswer.status < 500
const logRows = await client.execute(
  'SELECT status, COUNT(*) AS n FROM webhook_logs GROUP BY status',
)
const logStatuses = Object.fromEntries(
  logRows.rows.map((row) => [String(row.status), Number(row.n)]),
)
const notRejected = Object.entries(logStatuses)
  .filter(([status]) => status !== 'rejected')
  .reduce((sum, [, count]) => sum + count, 0)
const jobsUnchanged = (await snapshotJobs()) === jobsBefore
const poisoned = await runPoisonedCallbackPhase({
  baseUrl: web.baseUrl,
  lastframeSecret: secrets.lastframe,
  client,
})
await worker.stop()
await web.stop()
jwks.close()
client.close()

for (const failure of [...serverErrors, ...accepted, ...targetFindings].slice(0, 20)) {
  console.error(`[chaos] fuzz finding: ${JSON.stringify(failure)}`)
}
for (const failure of networkErrors.slice(0, 10)) {
  console.error(`[chaos] fuzz network error: ${JSON.stringify(failure)}`)
}

const checks = {
  no5xx: serverErrors.length === 0,
  noneAccepted: accepted.length === 0,
  noNetworkErrors: networkErrors.length === 0,
  serverSurvived,
  workerCaughtUp,
  noLogProcessed: notRejected === 0,
  jobsUnchanged,
  requestTargetsAnswered400Json: targetFindings.length === 0,
  ...poisoned.checks,
}
const passed = decide(checks)
if (passed) database.remove()

finishScenario(
  {
    scenario: 'fuzz-inbound',
    size: options.size,
    passed,
    durationMs: Date.now() - startedAt,
    checks,
    figures: {
      seed: options.seed,
      requests: total,
      statuses: JSON.stringify(Object.fromEntries([...statuses].sort())),
      serverErrors: serverErrors.length,
      accepted: accepted.length,
      networkErrors: networkErrors.length,
      oversizedEarlyCloses: earlyCloses.length,
      resetsOnReusedConnection: resetsOnReusedConnection.length,
      refusedByNodeClient: clientRefused.length,
      logStatuses: JSON.stringify(logStatuses),
      logsNotRejected: notRejected,
      jobsUnchanged,
      requestTargetFindings: targetFindings.length,
      ...poisoned.figures,
    },
    notes: [
      'oversized bodies may see the connection closed after the 413: counted apart, not as failures',
      'a request reset on a reused keep-alive connection is sent again once on a fresh one; only the second answer counts',
      ...(passed ? [] : [`database kept for inspection: ${database.file}`]),
    ],
  },
  options.out,
)
