import { handleApiRoute } from '@/lib/api/handleApiRoute'
import { parseJsonBody } from '@/lib/api/parseInput'
import { respondOk } from '@/lib/api/respond'
import { createProviderContext } from '@/lib/inbound/providerContext'
import { sourceTestInputSchema } from '@/lib/inbound/tester/sourceTestInputSchema'
import { testInboundSource } from '@/lib/inbound/tester/testInboundSource'

export const dynamic = 'force-dynamic'

const MAX_INPUT_BYTES = 4096

type Params = { slug: string }

export const POST = handleApiRoute<Params>('operator', async ({ request, payload, params }) => {
  const input = await parseJsonBody(request, sourceTestInputSchema, { maxBytes: MAX_INPUT_BYTES })
  const verdict = await testInboundSource(payload, params.slug, input, createProviderContext())
  return respondOk(verdict)
})
