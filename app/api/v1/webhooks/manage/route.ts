// The older management form some clients use: GET lists inbound logs, POST {webhookLogId} retries one.
import { z } from 'zod'

import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { listInboundLogs } from '@/lib/inbound/listInboundLogs'
import { retryInboundLog } from '@/lib/inbound/retryInboundLog'

const retrySchema = z.object({
  webhookLogId: z.union([z.string().min(1), z.number().int().positive()]),
})

export const GET = handleApiRoute('viewer', async ({ request, payload, user }) => {
  return respondOk(await listInboundLogs(payload, request, user))
})

export const POST = handleApiRoute('operator', async ({ request, payload, user }) => {
  const { webhookLogId } = await parseJsonBody(request, retrySchema)
  return respondOk(
    await retryInboundLog(payload, parseIdParam(String(webhookLogId), 'inbound log'), user),
  )
})
