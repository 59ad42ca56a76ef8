// Resolves an API key to its user with the query Payload's API-key strategy runs, without the permission
// map payload.auth also computes (most of its cost per request).
import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'

import type { User } from '@/payload-types'

export async function findUserByApiKey(payload: Payload, apiKey: string): Promise<User | null> {
  // Payload indexes keys by HMAC-SHA256 of the secret; keys saved before 3.46 by HMAC-SHA1.
  const index = (algorithm: 'sha1' | 'sha256') =>
    createHmac(algorithm, payload.secret).update(apiKey).digest('hex')
  const { docs } = await payload.find({
    collection: 'users',
    where: {
      or: [
        { apiKeyIndex: { equals: index('sha1') } },
        { apiKeyIndex: { equals: index('sha256') } },
      ],
    },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const user = docs[0]
  if (!user) return null
  return { ...user, collection: 'users', _strategy: 'api-key' } as User
}
