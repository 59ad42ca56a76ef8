// Finds the source for a URL name: a built-in provider, or an active custom source from the admin, with
// the provider module that verifies and normalizes its callbacks and who may call it how often.
import type { Payload } from 'payload'

import { readEnv } from '@/lib/config/env'
import { openSecret } from '@/lib/crypto/secretBox'
import { isBuiltInProvider } from '@/lib/model/providers'
import { CUSTOM_SOURCE_TTL_MS, customSourceCache, type InboundSource } from './customSourceCache'
import { builtInIngressPolicy, customIngressPolicy } from './ingress/ingressPolicy'
import { BUILT_IN_PROVIDER_MODULES } from './providers/builtInProviders'
import { createCustomSourceProvider } from './providers/customSource'
import type { InboundProvider } from './providers/inboundProvider'

async function loadCustomSource(payload: Payload, slug: string): Promise<InboundSource | null> {
  const found = await payload.find({
    collection: 'inbound-sources',
    where: { and: [{ slug: { equals: slug } }, { active: { equals: true } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const source = found.docs[0]
  if (!source) return null
  return {
    provider: createCustomSourceProvider({
      slug: source.slug,
      scheme: source.scheme,
      secret: openSecret(source.secret, payload.secret),
      header_name: source.header_name,
      signature_prefix: source.signature_prefix,
    }),
    policy: customIngressPolicy(source, readEnv()),
  }
}

export async function resolveInboundSource(
  payload: Payload,
  name: string,
): Promise<InboundSource | null> {
  if (isBuiltInProvider(name)) {
    return {
      provider: BUILT_IN_PROVIDER_MODULES[name],
      policy: builtInIngressPolicy(name, readEnv()),
    }
  }
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(name)) return null
  const cached = customSourceCache.get(name)
  if (cached && Date.now() - cached.loadedAt < CUSTOM_SOURCE_TTL_MS) return cached.source
  const source = loadCustomSource(payload, name)
  customSourceCache.set(name, { loadedAt: Date.now(), source })
  source.catch(() => customSourceCache.delete(name))
  return source
}

export async function resolveProvider(
  payload: Payload,
  name: string,
): Promise<InboundProvider | null> {
  return (await resolveInboundSource(payload, name))?.provider ?? null
}
