// Child of runFanoutBench: one fresh database per size, so no size inherits another's rows or caches.
import { parseArgs } from 'node:util'

import { prepareBenchDatabase } from './prepareBenchDatabase'

const { values } = parseArgs({
  options: {
    subscriptions: { type: 'string', default: '1000' },
    repetitions: { type: 'string', default: '5' },
  },
})
const subscriptions = Number(values.subscriptions)

// Before any import that reaches payload.config.ts, which reads DATABASE_URL once.
const database = prepareBenchDatabase(`fanout-${subscriptions}`)
const { measureFanout } = await import('./measureFanout')
try {
  const result = await measureFanout(subscriptions, Number(values.repetitions))
  console.log(`RESULT ${JSON.stringify(result)}`)
} finally {
  database.remove()
}
process.exit(0)
