import { handleInboundRoute } from '@/lib/inbound/handleInboundRoute'

export const dynamic = 'force-dynamic'

export async function POST(request: Request, context: { params: Promise<{ provider: string }> }) {
  return handleInboundRoute(request, await context.params)
}
