// `npm test`: every test stage in order, each one's duration printed as it ends and in a closing summary.
import { runTimedStages } from '@/lib/process/runTimedStages'

const npmRun = (name: string, script: string) => ({ name, command: 'npm', args: ['run', script] })

const results = await runTimedStages([
  npmRun('typecheck', 'typecheck'),
  npmRun('lint', 'lint'),
  npmRun('unit + integration', 'test:unit'),
  npmRun('e2e', 'test:e2e'),
  npmRun('readme examples', 'test:readme'),
  npmRun('chaos', 'test:chaos'),
])
process.exit(results.every((result) => result.outcome === 'passed') ? 0 : 1)
