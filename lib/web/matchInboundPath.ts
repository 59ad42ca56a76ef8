// Which requests are provider callbacks: POST /api/v1/webhooks/{provider}[/{jobId}], except the
// management API's own segments (subscriptions, events, …), exactly as the App Router resolves them.
import { RESERVED_WEBHOOK_PATH_SEGMENTS } from '@/lib/model/providers'

const INBOUND_PATH = /^\/api\/v1\/webhooks\/([^/?#]+)(?:\/([^/?#]+))?\/?$/

export function matchInboundPath(
  method: string | undefined,
  pathname: string,
): { provider: string; jobId?: string } | null {
  if (method !== 'POST') return null
  const match = INBOUND_PATH.exec(pathname)
  if (!match) return null
  const [, provider, jobId] = match
  if ((RESERVED_WEBHOOK_PATH_SEGMENTS as readonly string[]).includes(provider!)) return null
  try {
    return {
      provider: decodeURIComponent(provider!),
      ...(jobId ? { jobId: decodeURIComponent(jobId) } : {}),
    }
  } catch {
    return null
  }
}
