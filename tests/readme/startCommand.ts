// A long-running README command (npm start, npm run dev, npm run listen) in its own process group, so
// that stopping it stops everything it started; its output is kept to wait on.
import { spawn } from 'node:child_process'

export type StartedCommand = {
  output(): string
  /** Resolves with the output once it matches; rejects with the output if the command exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>
  stop(): Promise<void>
}

export function startCommand(command: string, env: NodeJS.ProcessEnv): StartedCommand {
  const child = spawn('bash', ['-c', command], { env, detached: true })
  let output = ''
  let exited = false
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    notify()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    notify()
  })
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true
      notify()
      resolve()
    }),
  )
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // The group is already gone.
    }
  }

  return {
    output: () => output,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) done(() => resolve(output))
          else if (exited)
            done(() => reject(new Error(`\`${command}\` exited before ${pattern}:\n${output}`)))
        }
        const timer = setTimeout(
          () => done(() => reject(new Error(`no ${pattern} from \`${command}\`:\n${output}`))),
          timeoutMs,
        )
        const done = (settle: () => void) => {
          clearTimeout(timer)
          listeners.delete(check)
          settle()
        }
        listeners.add(check)
        check()
      })
    },
    async stop() {
      signalGroup('SIGTERM')
      const killer = setTimeout(() => signalGroup('SIGKILL'), 30_000)
      await exit
      clearTimeout(killer)
      // bash may exit before the processes it started; they share its group.
      signalGroup('SIGKILL')
    },
  }
}
