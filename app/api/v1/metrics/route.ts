import { handleMetricsRoute } from '@/lib/metrics/handleMetricsRoute'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return handleMetricsRoute(request)
}
