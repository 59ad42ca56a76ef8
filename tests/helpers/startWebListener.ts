// The production web process's request listener (scripts/web.ts) on 127.0.0.1 and a free port, with a
// stand-in for Next that records what reached it and answers 500, as Next and Payload did for paths they
// cannot decode.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createWebRequestListener } from '@/lib/web/createWebRequestListener'

export async function startWebListener() {
  const reachedNext: string[] = []
  const server = createServer(
    createWebRequestListener(async (request: IncomingMessage, response) => {
      reachedNext.push(request.url ?? '')
      response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>')
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    reachedNext,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
