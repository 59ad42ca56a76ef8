// The per-process cache of custom sources; kept apart so collection hooks can clear it without
// importing every provider SDK into the Payload config.
import type { IngressPolicy } from './ingress/ingressPolicy'
import type { InboundProvider } from './providers/inboundProvider'

export const CUSTOM_SOURCE_TTL_MS = 5_000

export type InboundSource = { provider: InboundProvider; policy: IngressPolicy }

export const customSourceCache = new Map<
  string,
  { loadedAt: number; source: Promise<InboundSource | null> }
>()

export function forgetCustomSources(): void {
  customSourceCache.clear()
}
