// A real HTTP server on 127.0.0.1 in front of the inbound route handler, so fake providers can call back.
import { createServer } from 'node:http'

import { GET as getDevFalJwks } from '@/app/api/v1/dev/fal-jwks/route'
import { handleInboundRoute } from '@/lib/inbound/handleInboundRoute'

const INBOUND_PATH = /^\/api\/v1\/webhooks\/([^/?]+)(?:\/([^/?]+))?(?:\?.*)?$/

export async function startHubInboundServer(port: number) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      if (req.method === 'GET' && req.url === '/api/v1/dev/fal-jwks') {
        const jwks = getDevFalJwks()
        res.writeHead(jwks.status, { 'content-type': 'application/json' })
        res.end(await jwks.text())
        return
      }
      const match = INBOUND_PATH.exec(req.url ?? '')
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end()
        return
      }
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value)
      }
      const request = new Request(`http://127.0.0.1:${port}${req.url}`, {
        method: 'POST',
        headers,
        body: Buffer.concat(chunks),
      })
      const response = await handleInboundRoute(request, {
        provider: decodeURIComponent(match[1]),
        jobId: match[2] ? decodeURIComponent(match[2]) : undefined,
      })
      res.writeHead(response.status, { 'content-type': 'application/json' })
      res.end(await response.text())
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
