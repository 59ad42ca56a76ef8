import { ApiError } from '@/lib/api/apiError'
import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseIdParam } from '@/lib/api/parseIdParam'
import { respondOk } from '@/lib/api/respond'
import { presentJob } from '@/lib/jobs/presentJob'

type Params = { id: string }

export const GET = handleApiRoute<Params>('viewer', async ({ payload, user, params }) => {
  const id = parseIdParam(params.id, 'job')
  const found = await payload.find({
    collection: 'jobs',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    user,
    overrideAccess: false,
  })
  if (!found.docs[0]) throw new ApiError('not_found', `No job with id ${id}`)
  return respondOk(presentJob(found.docs[0]))
})
