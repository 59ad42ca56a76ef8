// A throwaway redis-server on a free loopback port, for the BullMQ peer only; no persistence.
import { spawn } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'

import { stopChild, waitForOutput } from './childProcesses'

export type RedisHandle = { port: number; pid: number; stop(): Promise<void> }

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export async function startRedisServer(binary = 'redis-server'): Promise<RedisHandle> {
  const port = await findFreePort()
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  child.once('error', (error) => {
    console.error(`Cannot start ${binary} (apt-get install -y redis-server): ${error.message}`)
  })
  await waitForOutput(child, /Ready to accept connections/, 10_000)
  return {
    port,
    pid: child.pid ?? 0,
    async stop() {
      await stopChild(child, 5_000)
    },
  }
}
