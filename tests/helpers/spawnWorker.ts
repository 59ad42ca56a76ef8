// Starts `npm run worker`'s script as a real child process on the test file's database.
import { spawn, type ChildProcess } from 'node:child_process'

export function spawnWorker(extraEnv: Record<string, string> = {}): ChildProcess {
  // node --import tsx (not the tsx wrapper) so that the pid is the worker itself: SIGKILL must reach it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      ALLOW_PRIVATE_TARGETS: 'true',
      WORKER_HEARTBEAT_MS: '1000',
      DELIVERY_TIMEOUT_MS: '5000',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString()
    if (/error/i.test(text)) process.stderr.write(`[worker ${child.pid}] ${text}`)
  })
  return child
}

export function waitForExit(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}
