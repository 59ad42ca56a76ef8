// Who is calling: `Authorization: Bearer <API key>` (or a JWT) or an admin session cookie, via Payload's auth.
import type { Payload } from 'payload'

import type { User } from '@/payload-types'
import { hasRoleAtLeast, type Role } from '@/lib/model/roles'
import { ApiError } from './apiError'

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/

function toPayloadAuthHeaders(requestHeaders: Headers): Headers {
  const headers = new Headers(requestHeaders)
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')
  if (bearer) {
    const token = bearer[1]
    headers.set('authorization', JWT_SHAPE.test(token) ? `JWT ${token}` : `users API-Key ${token}`)
  }
  return headers
}

export async function authenticateRequest(
  payload: Payload,
  request: Request,
  minimumRole: Role,
): Promise<User> {
  const { user } = await payload.auth({ headers: toPayloadAuthHeaders(request.headers) })
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
