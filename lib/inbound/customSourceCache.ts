// The per-process cache of custom source providers; kept apart so collection hooks can clear it
// without importing every provider SDK into the Payload config.
import type { InboundProvider } from './providers/inboundProvider'

export const CUSTOM_SOURCE_TTL_MS = 5_000

export const customSourceCache = new Map<
  string,
  { loadedAt: number; provider: Promise<InboundProvider | null> }
>()

export function forgetCustomSources(): void {
  customSourceCache.clear()
}
