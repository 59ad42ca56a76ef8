import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { handleListJobsRoute } from '@/lib/jobs/handleListJobsRoute'
import { readEnv } from '@/lib/config/env'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { submitJob, submitJobInputSchema } from '@/lib/jobs/submitJob'

export const GET = handleListJobsRoute

export const POST = handleApiRoute('operator', async ({ request, payload, user }) => {
  const input = await parseJsonBody(request, submitJobInputSchema)
  const baseUrl = readEnv().WEBHOOK_BASE_URL ?? new URL(request.url).origin
  const job = await submitJob(payload, input, { user, baseUrl, context: createProviderContext() })
  return respondOk(job, 201)
})
