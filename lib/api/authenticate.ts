// Who is calling: `Authorization: Bearer <API key>` (or a JWT) or an admin session cookie, via Payload's auth.
import type { Payload } from 'payload'

import type { User } from '@/payload-types'
import { hasRoleAtLeast, type Role } from '@/lib/model/roles'
import { ApiError } from './apiError'

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/

export function readBearerToken(headers: Headers): string | null {
  return /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1] ?? null
}

export function isJwtShaped(token: string): boolean {
  return JWT_SHAPE.test(token)
}

function toPayloadAuthHeaders(requestHeaders: Headers): Headers {
  const headers = new Headers(requestHeaders)
  const token = readBearerToken(headers)
  if (token) {
    headers.set('authorization', isJwtShaped(token) ? `JWT ${token}` : `users API-Key ${token}`)
  }
  return headers
}

/** Answers 401 without a user and 403 below the minimum role; every authentication path ends here. */
export function assertCallerRole(user: User | null | undefined, minimumRole: Role): User {
  if (!user || user.collection !== 'users') {
    throw new ApiError(
      'unauthorized',
      'Send `Authorization: Bearer <API key>` or sign in to the admin.',
    )
  }
  if (!hasRoleAtLeast(user.role, minimumRole)) {
    throw new ApiError(
      'forbidden',
      `This action needs the ${minimumRole} role; you are ${user.role}.`,
    )
  }
  return user
}

export async function authenticateRequest(
  payload: Payload,
  request: Request,
  minimumRole: Role,
): Promise<User> {
  const { user } = await payload.auth({ headers: toPayloadAuthHeaders(request.headers) })
  return assertCallerRole(user as User | null, minimumRole)
}
