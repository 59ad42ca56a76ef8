// The older management form some clients use: GET lists inbound logs, POST {webhookLogId} retries one.
import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { listInboundLogs } from '@/lib/inbound/listInboundLogs'
import { retryInboundLog } from '@/lib/inbound/retryInboundLog'
import { retryLogInputSchema } from '@/lib/inbound/retryLogInputSchema'

export const GET = handleApiRoute('viewer', async ({ request, payload, user }) => {
  return respondOk(await listInboundLogs(payload, request, user))
})

export const POST = handleApiRoute('operator', async ({ request, payload, user }) => {
  const { webhookLogId } = await parseJsonBody(request, retryLogInputSchema)
  return respondOk(
    await retryInboundLog(payload, parseIdParam(String(webhookLogId), 'inbound log'), user),
  )
})
