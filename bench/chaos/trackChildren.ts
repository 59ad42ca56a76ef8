// Every child a scenario starts is killed when the scenario's process ends, however it ends.
import type { ChildProcess } from 'node:child_process'

const children = new Set<ChildProcess>()

function killAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
}

process.once('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130))
}

export function trackChild<T extends ChildProcess>(child: T): T {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

/** For children started by shared bench helpers that hand back only a pid. */
export function trackPid(pid: number): void {
  process.once('exit', () => {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  })
}
