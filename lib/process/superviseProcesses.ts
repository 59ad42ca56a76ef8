// Runs the web server and the worker side by side; if either stops, both stop, and signals reach both.
import { spawn, type ChildProcess } from 'node:child_process'

export type SupervisedCommand = {
  name: string
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
}

export function runToCompletion(command: SupervisedCommand): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.command, command.args, {
      stdio: 'inherit',
      env: { ...process.env, ...command.env },
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command.name} exited with code ${code}`)),
    )
  })
}

export function superviseProcesses(commands: SupervisedCommand[]): Promise<number> {
  const children: ChildProcess[] = []
  let stopping = false

  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true
    for (const child of children) if (child.exitCode === null) child.kill(signal)
  }

  return new Promise((resolve) => {
    let remaining = commands.length
    let firstExitCode = 0
    for (const command of commands) {
      const child = spawn(command.command, command.args, {
        stdio: 'inherit',
        env: { ...process.env, ...command.env },
      })
      children.push(child)
      child.on('exit', (code, signal) => {
        if (!stopping) {
          console.error(
            `[hub] ${command.name} stopped (${signal ?? `code ${code}`}); stopping the rest`,
          )
          firstExitCode = code ?? 1
          stopAll('SIGTERM')
        }
        remaining -= 1
        if (remaining === 0) resolve(firstExitCode)
      })
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal))
  })
}
