// Starting and stopping the bench's child processes: each a plain `node --import tsx` (one pid to watch).
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function spawnTypeScript(
  script: string,
  options: { env?: NodeJS.ProcessEnv; ipc?: boolean; nodeFlags?: string[]; args?: string[] } = {},
): ChildProcess {
  const stdio: StdioOptions = options.ipc
    ? ['ignore', 'pipe', 'pipe', 'ipc']
    : ['ignore', 'pipe', 'pipe']
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', script, ...(options.args ?? [])],
    { cwd: REPO_ROOT, env: options.env ?? process.env, stdio },
  )
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${script}] ${chunk}`))
  return child
}

export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number) {
  return new Promise<void>((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => {
      cleanUp()
      reject(new Error(`No ${pattern} from pid ${child.pid} within ${timeoutMs} ms: ${seen}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4_000)
      if (pattern.test(seen)) {
        cleanUp()
        resolve()
      }
    }
    const onExit = (code: number | null) => {
      cleanUp()
      reject(new Error(`pid ${child.pid} exited (${code}) before ${pattern}: ${seen}`))
    }
    const cleanUp = () => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
    }
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
  })
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

/** Asks politely, then insists: a bench must never leave a process behind. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  const code = await waitForExit(child)
  clearTimeout(timer)
  return code
}
