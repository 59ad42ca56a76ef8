// Creates (or refreshes) the admin account used to sign in locally and to call the API.
import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

export type AdminSeed = { email: string; password: string; apiKey?: string }

/**
 * `chosen`: the key given in the seed; `generated`: a new key, to be shown this once (Payload keeps it
 * encrypted and indexes it by an HMAC); `kept`: the account already had a key, which is not shown again.
 */
export type SeededApiKey =
  { kind: 'chosen' } | { kind: 'generated'; apiKey: string } | { kind: 'kept' }

export type SeededAdmin = { outcome: 'created' | 'updated'; apiKey: SeededApiKey }

export function generateApiKey(): string {
  return `hub_${randomBytes(24).toString('base64url')}`
}

export async function seedAdminUser(payload: Payload, seed: AdminSeed): Promise<SeededAdmin> {
  const existing = await payload.find({
    collection: 'users',
    where: { email: { equals: seed.email } },
    limit: 1,
    overrideAccess: true,
  })
  const current = existing.docs[0]
  const apiKey: SeededApiKey = seed.apiKey
    ? { kind: 'chosen' }
    : current?.enableAPIKey && current.hasAPIKey
      ? { kind: 'kept' }
      : { kind: 'generated', apiKey: generateApiKey() }
  const newKey = seed.apiKey ?? (apiKey.kind === 'generated' ? apiKey.apiKey : undefined)
  const apiKeyFields = newKey ? { enableAPIKey: true, apiKey: newKey } : {}
  if (current) {
    await payload.update({
      collection: 'users',
      id: current.id,
      overrideAccess: true,
      data: { role: 'admin', password: seed.password, ...apiKeyFields },
    })
    return { outcome: 'updated', apiKey }
  }
  await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: {
      email: seed.email,
      password: seed.password,
      name: 'Admin',
      role: 'admin',
      ...apiKeyFields,
    },
  })
  return { outcome: 'created', apiKey }
}
