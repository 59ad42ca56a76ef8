// Providers the hub speaks natively; custom sources add more slugs at run time.
export const BUILT_IN_PROVIDERS = [
  'fal',
  'openai',
  'replicate',
  'comfydeploy',
  'lastframe',
] as const
export type BuiltInProvider = (typeof BUILT_IN_PROVIDERS)[number]

export function isBuiltInProvider(name: string): name is BuiltInProvider {
  return (BUILT_IN_PROVIDERS as readonly string[]).includes(name)
}

/** Path segments under /api/v1/webhooks/ that belong to the management API, never to a source. */
export const RESERVED_WEBHOOK_PATH_SEGMENTS = [
  'subscriptions',
  'deliveries',
  'events',
  'event-types',
  'logs',
  'manage',
  'sources',
] as const

/** `bearer-token`: `Authorization: Bearer <secret>` on each callback, as seed 003's ingest service took. */
export const SIGNATURE_SCHEMES = [
  'hmac-sha256-hex',
  'standard-webhooks',
  'url-token',
  'bearer-token',
] as const
export type SignatureScheme = (typeof SIGNATURE_SCHEMES)[number]

export function isReservedSourceSlug(slug: string): boolean {
  return (
    (RESERVED_WEBHOOK_PATH_SEGMENTS as readonly string[]).includes(slug) || isBuiltInProvider(slug)
  )
}
