// Runs one of scripts/*.ts as `npm run <name>` would (tsx, cwd the project) and collects its output.
import { spawn } from 'node:child_process'
import path from 'node:path'

export type ScriptRun = { code: number | null; stdout: string; stderr: string }

export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ScriptRun> {
  const root = path.resolve(import.meta.dirname, '../..')
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [`scripts/${script}`, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}
