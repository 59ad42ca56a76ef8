// `npm run seed` on a fresh install (the quick start) must succeed whether or not private targets are allowed:
// its demo subscription points at 127.0.0.1, which the one save-time validation refuses otherwise.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { DEMO_SUBSCRIPTION_NAME, seedDemoData } from '@/lib/seed/seedDemoData'
import { bootHub } from '../helpers/bootHub'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

async function demoSubscriptions() {
  const { totalDocs } = await payload.count({
    collection: 'webhooks',
    where: { name: { equals: DEMO_SUBSCRIPTION_NAME } },
    overrideAccess: true,
  })
  return totalDocs
}

describe('seeding the demo data', () => {
  it('skips the demo subscription, saying why, when private targets are not allowed', async () => {
    const lines = await seedDemoData(payload, { allowPrivateTargets: false })
    expect(lines.join('\n')).toMatch(/skipped: .*ALLOW_PRIVATE_TARGETS=true/)
    expect(await demoSubscriptions()).toBe(0)
  })
})
