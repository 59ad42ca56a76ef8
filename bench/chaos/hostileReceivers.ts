// Receivers that misbehave on purpose, in the scenario's own process: one hangs, one resets, one redirects.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type HostileReceiver = { url: string; requests(): number; close(): void }

async function listen(
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<HostileReceiver> {
  let requests = 0
  const server: Server = createServer((request, response) => {
    requests += 1
    handle(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => {
      server.closeAllConnections()
      server.close()
    },
  }
}

/** Reads the request and never answers: only the worker's own timeout frees the slot. */
export function startHangingReceiver(): Promise<HostileReceiver> {
  return listen((request) => request.resume())
}

/** Answers every request with a TCP reset. */
export function startResettingReceiver(): Promise<HostileReceiver> {
  return listen((request) => request.socket.resetAndDestroy())
}

/** Answers 301 to `location`, or to the request's own `?location=` when it carries one. */
export function startRedirectingReceiver(location: string): Promise<HostileReceiver> {
  return listen((request, response) => {
    const asked = new URL(request.url ?? '/', 'http://x').searchParams.get('location')
    request.resume()
    response.writeHead(301, { location: asked ?? location, 'content-length': '0' })
    response.end()
  })
}

/** Answers 200: if anything reaches it, a redirect the guard should have refused was followed. */
export function startTrapReceiver(): Promise<HostileReceiver> {
  return listen((request, response) => {
    request.resume()
    response.end('trapped')
  })
}
