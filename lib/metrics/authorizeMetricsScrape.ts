// Who may read /api/v1/metrics: a scraper holding METRICS_TOKEN, or an operator or admin (API key or
// session), since the metrics name subscriptions and sources.
import type { Payload } from 'payload'

import { readBearerToken } from '@/lib/api/authenticate'
import { authenticateCaller } from '@/lib/api/authenticateCaller'
import { isSameSecret } from '@/lib/signing/isSameSecret'

function isMetricsToken(token: string | null, expected: string | undefined): boolean {
  return Boolean(token && expected && isSameSecret(token, expected))
}

/** Throws the API's 401 or 403 when neither holds. */
export async function authorizeMetricsScrape(
  payload: Payload,
  request: Request,
  metricsToken: string | undefined,
): Promise<void> {
  if (isMetricsToken(readBearerToken(request.headers), metricsToken)) return
  await authenticateCaller(payload, request, 'operator')
}
