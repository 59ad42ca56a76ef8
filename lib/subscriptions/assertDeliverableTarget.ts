// Subscription URLs are checked when saved: https only, and never a private address unless allowed.
import { ApiError } from '@/lib/api/apiError'
import { readEnv } from '@/lib/config/env'
import { createSsrfGuard } from '@/lib/delivery/ssrf/createSsrfGuard'
import { TargetRefusedError } from '@/lib/delivery/ssrf/targetRefusedError'

export async function assertDeliverableTarget(url: string): Promise<void> {
  const guard = createSsrfGuard({ allowPrivateTargets: readEnv().ALLOW_PRIVATE_TARGETS })
  try {
    await guard.assertDeliverableUrl(url)
  } catch (error) {
    if (error instanceof TargetRefusedError) {
      throw new ApiError('validation_error', `url: ${error.message}`, [
        { path: 'url', message: error.message, code: error.code },
      ])
    }
    throw error
  }
}
