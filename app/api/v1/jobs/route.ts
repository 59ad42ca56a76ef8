import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { toPage } from '@/lib/api/pagination'
import { parseJsonBody, parseSearchParams } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { buildJobsWhere, listJobsQuerySchema } from '@/lib/jobs/listJobsQuery'
import { readEnv } from '@/lib/config/env'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { presentJob } from '@/lib/jobs/presentJob'
import { submitJob, submitJobInputSchema } from '@/lib/jobs/submitJob'

export const GET = handleApiRoute('viewer', async ({ request, payload, user }) => {
  const query = parseSearchParams(request, listJobsQuerySchema)
  const result = await payload.find({
    collection: 'jobs',
    where: buildJobsWhere(query),
    page: query.page,
    limit: query.limit,
    sort: '-createdAt',
    depth: 0,
    user,
    overrideAccess: false,
  })
  return respondOk(toPage(result, presentJob))
})

export const POST = handleApiRoute('operator', async ({ request, payload, user }) => {
  const input = await parseJsonBody(request, submitJobInputSchema)
  const baseUrl = readEnv().WEBHOOK_BASE_URL ?? new URL(request.url).origin
  const job = await submitJob(payload, input, { user, baseUrl, context: createProviderContext() })
  return respondOk(job, 201)
})
