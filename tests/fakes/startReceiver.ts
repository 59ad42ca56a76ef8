// A real HTTP receiver on 127.0.0.1 that records every request and answers as each test scripts it.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedRequest = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  receivedAt: number
}

export type Responder = (request: ReceivedRequest, response: ServerResponse) => unknown

export type Receiver = {
  url: string
  requests: ReceivedRequest[]
  respondWith(responder: Responder): void
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>
  /** Once a sender's connections are closed here, every request it sent has been read and counted. */
  countOpenConnections(): Promise<number>
  close(): Promise<void>
}

export const answerOk: Responder = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' })
  response.end('{"ok":true}')
}

export async function startReceiver(responder: Responder = answerOk): Promise<Receiver> {
  const requests: ReceivedRequest[] = []
  let current = responder
  const waiters: { count: number; resolve: () => void }[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      }
      requests.push(received)
      for (const waiter of [...waiters]) {
        if (requests.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
      }
      Promise.resolve(current(received, res)).catch(() => res.destroy())
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(next) {
      current = next
    },
    waitForRequests(count, timeoutMs = 60_000) {
      if (requests.length >= count) return Promise.resolve(requests)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`Receiver got ${requests.length} of ${count} requests in ${timeoutMs} ms`),
            ),
          timeoutMs,
        )
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer)
            resolve(requests)
          },
        })
      })
    },
    countOpenConnections() {
      return new Promise((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      )
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
