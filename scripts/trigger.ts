// `npm run trigger -- <provider>.<event> [--job <id>] [--set path=value] [--url <base>] [--list]`
import { parseArgs } from 'node:util'

import { readEnv } from '@/lib/config/env'
import { withDevSecretFallbacks } from '@/lib/devtools/devSecrets'
import { listTriggerEvents, sendTrigger } from '@/lib/devtools/sendTrigger'

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
  },
})

if (values.list || positionals.length === 0) {
  console.log('Events `npm run trigger -- <event>` can send:\n')
  for (const line of listTriggerEvents()) console.log(`  ${line}`)
  process.exit(values.list ? 0 : 1)
}

const env = withDevSecretFallbacks({ ...process.env, PAYLOAD_SECRET: readEnv().PAYLOAD_SECRET }, '')
try {
  const result = await sendTrigger({
    name: positionals[0],
    baseUrl: values.url!,
    jobId: values.job ?? null,
    externalId: values.external,
    set: values.set ?? [],
    env,
  })
  console.log(`→ POST ${result.url}  (provider job id ${result.externalId})`)
  console.log(`← ${result.status}`, JSON.stringify(result.body, null, 2))
  process.exit(result.status >= 200 && result.status < 300 ? 0 : 1)
} catch (error) {
  console.error(`trigger failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
