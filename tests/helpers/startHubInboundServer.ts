// A real HTTP server on 127.0.0.1 serving provider callbacks the way the production web process does
// (lib/web), so fake providers can call back. The dev fal JWKS route is mounted too.
import { createServer } from 'node:http'

import { GET as getDevFalJwks } from '@/app/api/v1/dev/fal-jwks/route'
import { matchInboundPath } from '@/lib/web/matchInboundPath'
import { serveInboundCallback } from '@/lib/web/serveInboundCallback'

export async function startHubInboundServer(port: number) {
  const server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/api/v1/dev/fal-jwks') {
      const jwks = getDevFalJwks()
      res.writeHead(jwks.status, { 'content-type': 'application/json' })
      res.end(await jwks.text())
      return
    }
    const inbound = matchInboundPath(req.method, (req.url ?? '/').split('?')[0]!)
    if (!inbound) {
      res.writeHead(404).end()
      return
    }
    await serveInboundCallback(req, res, inbound)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
