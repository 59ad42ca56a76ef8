import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { respondOk } from '@/lib/api/respond'
import { retryInboundLog } from '@/lib/inbound/retryInboundLog'

type Params = { id: string }

export const POST = handleApiRoute<Params>('operator', async ({ payload, user, params }) => {
  return respondOk(await retryInboundLog(payload, parseIdParam(params.id, 'inbound log'), user))
})
