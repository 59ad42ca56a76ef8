// What provider modules may use of the process: configuration, the clock and fetch.
import { readEnv } from '@/lib/config/env'
import { withDevSecretFallbacks } from '@/lib/devtools/devSecrets'
import type { ProviderContext } from './providers/inboundProvider'

export const DEV_FAL_JWKS_PATH = '/api/v1/dev/fal-jwks'

export function createProviderContext(): ProviderContext {
  const port = process.env.PORT || '3000'
  return {
    now: () => new Date(),
    fetch: globalThis.fetch,
    env: withDevSecretFallbacks(
      { ...process.env, PAYLOAD_SECRET: readEnv().PAYLOAD_SECRET },
      `http://127.0.0.1:${port}${DEV_FAL_JWKS_PATH}`,
    ),
  }
}
