// README.md's shell examples, read from README itself and run as a newcomer would, one section after the
// other against the instance the section before started. The only changes made to a command: this run's
// free ports for 3000 and 4400, and the values README tells the reader to paste (the printed API key and
// subscription secret). `npm install` and `npm run build` are not repeated: `npm test` built the app.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureBuild } from '../../bench/chaos/ensureBuild'
import { readReadmeExamples } from './readReadmeExamples'
import { startCommand, type StartedCommand } from './startCommand'
import { findFreePort } from '@/lib/process/findFreePort'

const QUICK_START = 'npm install && npm run build && npm run seed && npm start'
const TEST_COMMAND = 'npm install && npm run test:setup && npm test'
const HEALTH = 'curl localhost:3000/api/v1/health'
const EXPORT_KEY = 'export ADMIN_API_KEY=hub_…'
const LIST_SUBSCRIPTIONS =
  'curl -H "Authorization: Bearer $ADMIN_API_KEY" localhost:3000/api/v1/webhooks/subscriptions'
const DEV_SEED = 'ADMIN_API_KEY=dev-key npm run seed'
const DEV = 'npm run dev'
const LISTEN = 'npm run listen'
const SUBSCRIBE =
  'curl -s -X POST localhost:3000/api/v1/webhooks/subscriptions ' +
  '-H "Authorization: Bearer dev-key" -H "Content-Type: application/json" ' +
  `-d '{"name":"my laptop","url":"http://127.0.0.1:4400/webhooks","event_types":["job.*"]}'`
const LISTEN_VERIFIED = 'npm run listen -- --secret whsec_…'
const TRIGGER_LIST = 'npm run trigger -- --list'
const TRIGGER_FAL = 'npm run trigger -- fal.completed'
const TRIGGER_REPLICATE = 'npm run trigger -- replicate.processing --set logs="75%"'
const TRIGGER_LASTFRAME = 'npm run trigger -- lastframe.completed --url http://localhost:3000'
const TUNNEL = 'NGROK_AUTHTOKEN=<token> npm run tunnel'

const README_COMMANDS = readReadmeExamples().map((example) => example.command)
// Generous bounds a loaded 2-core machine meets: `next dev` compiles each route on its first request.
const BOOT_MS = 480_000
const STEP_MS = 300_000
const run = promisify(execFile)

type Here = { port: number; listenPort: number; apiKey?: string; secret?: string }
let here: Here
type Environment = Record<string, string | undefined>
let baseEnv: Environment
const started: StartedCommand[] = []

/** README's command, as it is run here; fails when README no longer has it. */
function asWritten(command: string): string {
  expect(README_COMMANDS, 'README.md no longer has this example').toContain(command)
  let runnable = command
    .replaceAll('localhost:3000', `localhost:${here.port}`)
    .replaceAll('127.0.0.1:4400', `127.0.0.1:${here.listenPort}`)
  if (here.apiKey) runnable = runnable.replaceAll('hub_…', here.apiKey)
  if (here.secret) runnable = runnable.replaceAll('whsec_…', here.secret)
  return runnable
}

// Typed loosely: the reader's shell has no NODE_ENV, which Next's typing of ProcessEnv requires.
function env(): NodeJS.ProcessEnv {
  const environment: Environment = {
    ...baseEnv,
    PORT: String(here.port),
    LISTEN_PORT: String(here.listenPort),
  }
  return environment as NodeJS.ProcessEnv
}

/** Runs README lines in one shell, as typed one after another into a terminal. */
async function shell(commands: string[]) {
  try {
    const { stdout, stderr } = await run('bash', ['-c', commands.map(asWritten).join('\n')], {
      env: env(),
      maxBuffer: 16 * 1024 * 1024,
    })
    return { output: `${stdout}${stderr}` }
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string }
    throw new Error(`\`${commands.join('; ')}\` failed:\n${failed.stdout}${failed.stderr}`)
  }
}

function start(command: string): StartedCommand {
  const process = startCommand(asWritten(command), env())
  started.push(process)
  return process
}

beforeAll(async () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'webhook-hub-readme-'))
  // What the reader's shell would not have: vitest's NODE_ENV=test and anything this run sets itself.
  const inherited: Record<string, string | undefined> = { ...process.env }
  for (const name of ['NODE_ENV', 'ADMIN_API_KEY', 'ALLOW_PRIVATE_TARGETS', 'NGROK_AUTHTOKEN'])
    delete inherited[name]
  baseEnv = {
    ...inherited,
    DATABASE_URL: `file:${path.join(directory, 'hub.db')}`,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    NEXT_TELEMETRY_DISABLED: '1',
  }
  here = { port: await findFreePort(), listenPort: await findFreePort() }
  ensureBuild(false)
}, 600_000)

afterAll(async () => {
  await Promise.all(started.map((process) => process.stop()))
}, 120_000)

describe('README: Quick start', () => {
  let hub: StartedCommand

  it('runs CI with the test command README gives', () => {
    expect(README_COMMANDS).toContain(TEST_COMMAND)
    expect(readFileSync('.ci/run', 'utf8')).toContain(`\n${TEST_COMMAND}\n`)
  })

  it(
    'seeds an admin with a generated API key, shown once, and npm start prints where everything is',
    async () => {
      expect(README_COMMANDS).toContain(QUICK_START)
      const [install, build, seedCommand, startCommandText] = QUICK_START.split(' && ')
      expect([install, build]).toEqual(['npm install', 'npm run build'])
      const seeded = await run('bash', ['-c', seedCommand], { env: env() })
      const apiKey = /export ADMIN_API_KEY=(hub_\S+)/.exec(seeded.stdout)?.[1]
      expect(apiKey, seeded.stdout).toBeDefined()
      expect(seeded.stdout).toContain('email:    admin@webhookhub.local')
      expect(seeded.stdout).toContain('password: webhookhub-admin')
      here.apiKey = apiKey

      hub = startCommand(startCommandText, env())
      started.push(hub)
      const banner = await hub.waitFor(
        /running \(production\)[\s\S]*next, in another terminal/,
        BOOT_MS,
      )
      expect(banner).toContain(`http://localhost:${here.port}/admin`)
      expect(banner).toContain('sign in with the e-mail and password `npm run seed` printed')
      expect(banner).toContain(`http://localhost:${here.port}/api/v1/webhooks/fal`)
    },
    BOOT_MS + 60_000,
  )

  it('answers the health check, and the API with the printed key', async () => {
    const { output } = await shell([HEALTH, EXPORT_KEY, LIST_SUBSCRIPTIONS])
    expect(output).toMatch(/"database":\{"reachable":true/)
    expect(output).toMatch(/"success":true,"data":\{"items":\[/)
    expect(output).not.toContain('"success":false')
    await hub.stop()
  }, 60_000)
})

describe('README: Local development in five minutes', () => {
  let listener: StartedCommand

  it(
    'seeds with a chosen key and starts development mode',
    async () => {
      here.port = await findFreePort()
      const { output } = await shell([DEV_SEED])
      expect(output).toContain('api key:  the value of ADMIN_API_KEY')
      const dev = start(DEV)
      await dev.waitFor(/running \(development\)[\s\S]*next, in another terminal/, BOOT_MS)
    },
    BOOT_MS + 60_000,
  )

  it('subscribes a local listener and restarts it with the secret shown once', async () => {
    listener = start(LISTEN)
    await listener.waitFor(/Listening for deliveries on/, STEP_MS)
    const { output } = await shell([SUBSCRIBE])
    const created = JSON.parse(output) as { success: boolean; data: { secret: string } }
    expect(created.success).toBe(true)
    expect(created.data.secret).toMatch(/^whsec_/)
    here.secret = created.data.secret
    await listener.stop()
    listener = start(LISTEN_VERIFIED)
    await listener.waitFor(/Listening for deliveries on/, STEP_MS)
  }, 120_000)

  it(
    'sends signed provider callbacks the hub accepts, and the job event reaches the listener signed',
    async () => {
      const list = await shell([TRIGGER_LIST])
      expect(list.output).toContain('fal.completed')
      for (const trigger of [TRIGGER_FAL, TRIGGER_REPLICATE, TRIGGER_LASTFRAME]) {
        const { output } = await shell([trigger])
        expect(output, trigger).toMatch(/← 200 \{\s*"received": true/)
      }
      await listener.waitFor(/✓ job\.completed \S+ — signature valid/, STEP_MS)
    },
    BOOT_MS + STEP_MS,
  )

  it('explains where to get an ngrok token when the tunnel is started without one', async () => {
    expect(README_COMMANDS).toContain(TUNNEL)
    const withoutToken = TUNNEL.replace('NGROK_AUTHTOKEN=<token> ', '')
    const failed = await run('bash', ['-c', withoutToken], { env: env() }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failed?.code).not.toBe(0)
    expect(failed?.stderr).toContain('https://dashboard.ngrok.com/get-started/your-authtoken')
  }, 60_000)
})

describe('README: every shell example', () => {
  it('is one this test runs (or the test command CI runs)', () => {
    const covered = new Set([
      QUICK_START,
      TEST_COMMAND,
      HEALTH,
      EXPORT_KEY,
      LIST_SUBSCRIPTIONS,
      DEV_SEED,
      DEV,
      LISTEN,
      SUBSCRIBE,
      LISTEN_VERIFIED,
      TRIGGER_LIST,
      TRIGGER_FAL,
      TRIGGER_REPLICATE,
      TRIGGER_LASTFRAME,
      TUNNEL,
    ])
    expect(README_COMMANDS.filter((command) => !covered.has(command))).toEqual([])
  })
})
