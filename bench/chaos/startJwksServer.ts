// Serves the bench fal signer's public keys, so the hub verifies our signed callbacks (FAL_JWKS_URL).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export async function startJwksServer(jwks: unknown): Promise<{ url: string; close(): void }> {
  const body = JSON.stringify(jwks)
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    close: () => {
      server.closeAllConnections()
      server.close()
    },
  }
}
