// Development only: the JWKS of the local fal key that `npm run trigger` signs with. 404 in production.
import { isDevelopmentMode, readDevSecrets } from '@/lib/devtools/devSecrets'

export const dynamic = 'force-dynamic'

export function GET(): Response {
  if (!isDevelopmentMode()) {
    return Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 })
  }
  const { falPublicKey } = readDevSecrets()
  return Response.json({
    keys: [{ ...falPublicKey, kid: 'webhook-hub-dev', use: 'sig', alg: 'EdDSA' }],
  })
}
