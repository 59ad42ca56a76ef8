// The dashboard must stay quick on a busy hub: 100,000 deliveries in the last 24 h.
import { expect, test } from '@playwright/test'

import { seedFinishedDeliveries } from '../../bench/admin/seedFinishedDeliveries'
import { E2E_ADMIN } from './e2eSettings'
import { signIn } from './signInAsAdmin'

const SEEDED_DELIVERIES = 100_000
// A generous bound a loaded CI machine meets: the render time itself is measured by
// `npm run bench:dashboard` (BENCHMARKS.md), not asserted here, where a busy host would fail it.
const RENDER_BOUND_MS = 10_000

test('the dashboard renders and counts 100,000 deliveries in the last 24 h', async ({
  page,
}, testInfo) => {
  await seedFinishedDeliveries('./data/e2e.db', SEEDED_DELIVERIES)

  await signIn(page, E2E_ADMIN)
  const renderTimes: number[] = []
  for (let load = 0; load < 4; load += 1) {
    const started = performance.now()
    await page.goto('/admin')
    await expect(page.getByTestId('delivery-chart').locator('canvas')).toBeVisible()
    // Rendered means drawn and responsive: this resolves only once the page's main thread is free.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    // The first load warms the server's route and caches; the figure is an operator's later visits.
    if (load > 0) renderTimes.push(performance.now() - started)
  }
  const attempted = Number((await page.getByTestId('attempts-24h').innerText()).replace(/\D/g, ''))
  expect(attempted).toBeGreaterThanOrEqual(SEEDED_DELIVERIES)
  await page.screenshot({ path: testInfo.outputPath('dashboard-100k.png'), fullPage: true })

  const median = [...renderTimes].sort((a, b) => a - b)[1]
  testInfo.annotations.push({
    type: 'render-ms',
    description: renderTimes.map((ms) => ms.toFixed(0)).join(', '),
  })
  console.log(`[dashboard at scale] render times ms: ${renderTimes.map((ms) => ms.toFixed(0))}`)
  expect(median).toBeLessThan(RENDER_BOUND_MS)
})
