// What provider modules may use of the process: configuration, the clock and fetch.
import { readEnv } from '@/lib/config/env'
import type { ProviderContext } from './providers/inboundProvider'

export function createProviderContext(): ProviderContext {
  return {
    now: () => new Date(),
    fetch: globalThis.fetch,
    env: { ...process.env, PAYLOAD_SECRET: readEnv().PAYLOAD_SECRET },
  }
}
