// `npm start` / `npm run dev`: migrations, then the web app and the worker together, then the URLs.
import { describeRunningHub } from '@/lib/process/describeRunningHub'
import { readAdminExists } from '@/lib/process/readAdminExists'
import { superviseProcesses, runToCompletion } from '@/lib/process/superviseProcesses'
import { waitForHttp } from '@/lib/process/waitForHttp'

const mode = process.argv[2] === 'dev' ? 'dev' : 'start'
const port = process.env.PORT || '3000'
const nodeEnv = mode === 'dev' ? 'development' : 'production'
const tsx = 'node_modules/.bin/tsx'
// Local development delivers to local receivers (npm run listen) unless told otherwise.
if (mode === 'dev') process.env.ALLOW_PRIVATE_TARGETS ??= 'true'

await runToCompletion({
  name: 'migrate',
  command: tsx,
  args: ['scripts/migrate.ts'],
  env: { NODE_ENV: nodeEnv },
})

const running = superviseProcesses([
  // Production serves provider callbacks from node:http beside Next (scripts/web.ts); dev keeps `next dev`.
  mode === 'dev'
    ? {
        name: 'web',
        command: 'node_modules/.bin/next',
        args: ['dev', '-p', port],
        env: { NODE_ENV: nodeEnv },
      }
    : {
        name: 'web',
        command: tsx,
        args: ['scripts/web.ts'],
        env: { NODE_ENV: nodeEnv, PORT: port },
      },
  { name: 'worker', command: tsx, args: ['scripts/worker.ts'], env: { NODE_ENV: nodeEnv } },
])

const localUrl = `http://localhost:${port}`
// Generous: `next dev` compiles the health route on its first request, slowly on a busy machine.
if (await waitForHttp(`${localUrl}/api/v1/health`, 600_000)) {
  const banner = describeRunningHub({
    mode,
    localUrl,
    publicUrl: process.env.WEBHOOK_BASE_URL || localUrl,
    adminExists: await readAdminExists(localUrl),
  })
  console.log(`\n${banner}`)
}
process.exit(await running)
