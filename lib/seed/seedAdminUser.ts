// Creates (or refreshes) the admin account used to sign in locally and to call the API.
import type { Payload } from 'payload'

export type AdminSeed = { email: string; password: string; apiKey?: string }

export async function seedAdminUser(
  payload: Payload,
  seed: AdminSeed,
): Promise<'created' | 'updated'> {
  const existing = await payload.find({
    collection: 'users',
    where: { email: { equals: seed.email } },
    limit: 1,
    overrideAccess: true,
  })
  const apiKeyFields = seed.apiKey ? { enableAPIKey: true, apiKey: seed.apiKey } : {}
  const current = existing.docs[0]
  if (current) {
    await payload.update({
      collection: 'users',
      id: current.id,
      overrideAccess: true,
      data: { role: 'admin', password: seed.password, ...apiKeyFields },
    })
    return 'updated'
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
  return 'created'
}
