// Users of each role with an API key, as a test's callers.
import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Role } from '@/lib/model/roles'

export async function createTestUser(payload: Payload, role: Role) {
  const apiKey = randomBytes(24).toString('hex')
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: {
      email: `${role}-${randomBytes(4).toString('hex')}@test.local`,
      password: 'correct horse battery staple',
      role,
      enableAPIKey: true,
      apiKey,
    },
  })
  return { user, apiKey }
}
