// GET /api/v1/jobs, shared by the App Router route and the web process's fast path.
import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { toPage } from '@/lib/api/pagination'
import { parseSearchParams } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { buildJobsWhere, listJobsQuerySchema } from './listJobsQuery'
import { presentJob } from './presentJob'

export const handleListJobsRoute = handleApiRoute('viewer', async ({ request, payload, user }) => {
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
