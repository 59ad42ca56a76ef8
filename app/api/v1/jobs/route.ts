import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { toPage } from '@/lib/api/pagination'
import { parseSearchParams } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { buildJobsWhere, listJobsQuerySchema } from '@/lib/jobs/listJobsQuery'
import { presentJob } from '@/lib/jobs/presentJob'

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
