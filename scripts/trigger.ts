// `npm run trigger -- <provider>.<event> [--job <id>] [--set path=value] [--url <base>] [--list]`
import { parseArgs } from 'node:util'

import { readEnv } from '@/lib/config/env'
import { withDevSecretFallbacks } from '@/lib/devtools/devSecrets'
import { runTrigger } from '@/lib/devtools/runTrigger'
import { listTriggerEvents } from '@/lib/devtools/sendTrigger'

const HELP = `Usage: npm run trigger -- <provider>.<event> [options]

Sends a sample provider callback, signed as that provider signs it, to a running hub.

Options:
  --url <base>         The hub's base URL (default: HUB_URL, or http://localhost:<PORT>, PORT 3000)
  --job <id>           A hub job id, for the callback path (ComfyDeploy needs one)
  --external <id>      The provider's job id in the callback (default: a new one)
  --set <path=value>   Overrides a field of the sample body; repeatable
  --list               Lists the events it can send
  -h, --help           Shows this help`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    job: { type: 'string' },
    external: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    url: {
      type: 'string',
      default: process.env.HUB_URL || `http://localhost:${process.env.PORT || 3000}`,
    },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (values.help) {
  console.log(HELP)
  process.exit(0)
}

if (values.list || positionals.length === 0) {
  console.log('Events `npm run trigger -- <event>` can send:\n')
  for (const line of listTriggerEvents()) console.log(`  ${line}`)
  process.exit(values.list ? 0 : 1)
}

const env = withDevSecretFallbacks({ ...process.env, PAYLOAD_SECRET: readEnv().PAYLOAD_SECRET }, '')
const exitCode = await runTrigger(
  {
    name: positionals[0],
    baseUrl: values.url!,
    jobId: values.job ?? null,
    externalId: values.external,
    set: values.set ?? [],
    env,
  },
  console,
)
process.exit(exitCode)
