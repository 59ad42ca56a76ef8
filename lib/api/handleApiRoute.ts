// Wraps a management route: gives it Payload and the caller, and turns thrown errors into responses.
import type { Payload } from 'payload'

import type { User } from '@/payload-types'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import type { Role } from '@/lib/model/roles'
import { authenticateCaller } from './authenticateCaller'
import { respondError } from './respond'

type RouteContext<Params> = { params: Promise<Params> }

export type ApiRouteArgs<Params> = {
  request: Request
  payload: Payload
  user: User
  params: Params
}

export function handleApiRoute<Params = Record<string, never>>(
  minimumRole: Role,
  handler: (args: ApiRouteArgs<Params>) => Promise<Response>,
) {
  // The context is optional so node:http can call a route handler with a bare Request (lib/web).
  return async (request: Request, context?: RouteContext<Params>): Promise<Response> => {
    try {
      const payload = await getPayloadClient()
      const user = await authenticateCaller(payload, request, minimumRole)
      const params = context?.params ? await context.params : ({} as Params)
      return await handler({ request, payload, user, params })
    } catch (error) {
      return respondError(error)
    }
  }
}
