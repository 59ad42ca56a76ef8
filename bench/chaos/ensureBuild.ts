// The web scenarios, benches and README examples run the production build; build it once when it is
// missing, unless told not to.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

import { REPO_ROOT } from '../outbound/childProcesses'

export function ensureBuild(skipBuild: boolean): void {
  if (existsSync(path.join(REPO_ROOT, '.next/BUILD_ID'))) return
  if (skipBuild) throw new Error('No production build (.next/BUILD_ID) and --skip-build was given')
  console.log('[build] no production build yet: running `npm run build` (a few minutes)')
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`npm run build exited ${result.status}`)
}
