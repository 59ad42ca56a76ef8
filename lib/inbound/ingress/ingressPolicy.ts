// Who may call a source and how often: an optional IP allowlist and an optional rate limit on verified
// callbacks. Built-in providers take theirs from the environment, custom sources from their document;
// a custom source without its own rate limit takes the environment's.
import type { BlockList } from 'node:net'

import type { HubEnv } from '@/lib/config/env'
import type { BuiltInProvider } from '@/lib/model/providers'
import { parseAddressRanges } from '@/lib/web/parseAddressRanges'

export type RateLimit = { perMinute: number; burst: number }

export type IngressPolicy = {
  /** Null: any address may call. */
  allowedIps: BlockList | null
  /** Null: no limit. */
  rateLimit: RateLimit | null
}

type IngressEnv = Pick<
  HubEnv,
  | 'INBOUND_RATE_LIMIT_PER_MINUTE'
  | 'INBOUND_RATE_LIMIT_BURST'
  | 'INBOUND_ALLOWED_IPS_FAL'
  | 'INBOUND_ALLOWED_IPS_OPENAI'
  | 'INBOUND_ALLOWED_IPS_REPLICATE'
  | 'INBOUND_ALLOWED_IPS_COMFYDEPLOY'
  | 'INBOUND_ALLOWED_IPS_LASTFRAME'
>

function toRateLimit(perMinute: number, burst: number | null | undefined): RateLimit | null {
  return perMinute > 0 ? { perMinute, burst: burst ?? perMinute } : null
}

const ALLOWED_IPS_BY_PROVIDER: Record<BuiltInProvider, (env: IngressEnv) => BlockList | null> = {
  fal: (env) => env.INBOUND_ALLOWED_IPS_FAL,
  openai: (env) => env.INBOUND_ALLOWED_IPS_OPENAI,
  replicate: (env) => env.INBOUND_ALLOWED_IPS_REPLICATE,
  comfydeploy: (env) => env.INBOUND_ALLOWED_IPS_COMFYDEPLOY,
  lastframe: (env) => env.INBOUND_ALLOWED_IPS_LASTFRAME,
}

export function builtInIngressPolicy(provider: BuiltInProvider, env: IngressEnv): IngressPolicy {
  return {
    allowedIps: ALLOWED_IPS_BY_PROVIDER[provider](env),
    rateLimit: toRateLimit(env.INBOUND_RATE_LIMIT_PER_MINUTE, env.INBOUND_RATE_LIMIT_BURST),
  }
}

export type CustomSourceIngressFields = {
  allowed_ips?: string | null
  rate_limit_per_minute?: number | null
  rate_limit_burst?: number | null
}

export function customIngressPolicy(
  source: CustomSourceIngressFields,
  env: IngressEnv,
): IngressPolicy {
  const ownLimit = typeof source.rate_limit_per_minute === 'number'
  return {
    allowedIps: source.allowed_ips?.trim() ? parseAddressRanges(source.allowed_ips) : null,
    rateLimit: ownLimit
      ? toRateLimit(source.rate_limit_per_minute!, source.rate_limit_burst)
      : toRateLimit(env.INBOUND_RATE_LIMIT_PER_MINUTE, env.INBOUND_RATE_LIMIT_BURST),
  }
}
