// Demo records so a fresh install has something to look at: a custom source and a paused subscription.
import type { Payload } from 'payload'

import { generateWebhookSecret } from '@/lib/signing/generateWebhookSecret'
import { secretHint } from '@/lib/subscriptions/secretHint'

export const DEMO_SOURCE_SLUG = 'demo-source'
export const DEMO_SUBSCRIPTION_NAME = 'Demo receiver (npm run listen)'

/** What it did, a line per record; the demo subscription's 127.0.0.1 target is refused unless private
 * targets are allowed (`npm run dev` allows them), so without that it is skipped, not failed. */
export async function seedDemoData(
  payload: Payload,
  options: { allowPrivateTargets: boolean },
): Promise<string[]> {
  const created: string[] = []
  const sources = await payload.count({
    collection: 'inbound-sources',
    where: { slug: { equals: DEMO_SOURCE_SLUG } },
    overrideAccess: true,
  })
  if (sources.totalDocs === 0) {
    await payload.create({
      collection: 'inbound-sources',
      overrideAccess: true,
      data: {
        slug: DEMO_SOURCE_SLUG,
        name: 'Demo custom source (HMAC-SHA256 hex)',
        scheme: 'hmac-sha256-hex',
        secret: generateWebhookSecret(),
        header_name: 'x-webhook-signature',
        signature_prefix: 'sha256=',
      },
    })
    created.push(`inbound source "${DEMO_SOURCE_SLUG}"`)
  }
  const subscriptions = await payload.count({
    collection: 'webhooks',
    where: { name: { equals: DEMO_SUBSCRIPTION_NAME } },
    overrideAccess: true,
  })
  if (subscriptions.totalDocs === 0 && !options.allowPrivateTargets) {
    created.push(
      `subscription "${DEMO_SUBSCRIPTION_NAME}" skipped: its 127.0.0.1 receiver needs ALLOW_PRIVATE_TARGETS=true`,
    )
  } else if (subscriptions.totalDocs === 0) {
    const secret = generateWebhookSecret()
    await payload.create({
      collection: 'webhooks',
      overrideAccess: true,
      data: {
        name: DEMO_SUBSCRIPTION_NAME,
        url: 'http://127.0.0.1:4400/webhooks',
        description:
          'Paused until you run a local receiver; enable it with ALLOW_PRIVATE_TARGETS=true.',
        event_types: ['job.*'],
        active: false,
        disabled_reason: 'Demo subscription: enable it once a receiver listens on 127.0.0.1:4400.',
        secret,
        secret_hint: secretHint(secret),
      },
    })
    created.push(`subscription "${DEMO_SUBSCRIPTION_NAME}"`)
  }
  return created
}
