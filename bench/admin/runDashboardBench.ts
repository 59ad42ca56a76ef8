// `npm run bench:dashboard`: how long /admin takes to show its dashboard over 100,000 deliveries of the
// last 24 h, in Debian's Chromium against the product as `npm start` runs it. The e2e spec checks the
// same page's behaviour; its render time is measured here.
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { chromium } from '@playwright/test'

import { ensureBuild } from '../chaos/ensureBuild'
import { startFlowHub } from '../flow/startFlowHub'
import { describeMachine } from '../outbound/describeMachine'
import { seedFinishedDeliveries } from './seedFinishedDeliveries'

const { values } = parseArgs({
  options: {
    deliveries: { type: 'string', default: '100000' },
    loads: { type: 'string', default: '10' },
    out: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
  },
})
const deliveries = Number(values.deliveries)
const loads = Number(values.loads)

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]

ensureBuild(values['skip-build'])
const hub = await startFlowHub()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
})
try {
  await seedFinishedDeliveries(hub.database.file, deliveries)
  const page = await browser.newPage({ baseURL: hub.api.baseUrl })
  await page.goto('/admin/login')
  await page.locator('#field-email').fill('admin@webhookhub.local')
  await page.locator('#field-password').fill('webhookhub-admin')
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'))

  const renderMs: number[] = []
  // The first load warms the server's route and caches; the figures are an operator's later visits.
  for (let load = 0; load <= loads; load += 1) {
    const started = performance.now()
    await page.goto('/admin')
    await page.getByTestId('delivery-chart').locator('canvas').waitFor({ state: 'visible' })
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    if (load > 0) renderMs.push(performance.now() - started)
  }
  const sorted = [...renderMs].sort((a, b) => a - b)
  const result = {
    machine: describeMachine(),
    deliveries,
    loads,
    renderMs: renderMs.map((ms) => Math.round(ms)),
    medianMs: Math.round(percentile(sorted, 0.5)),
    p90Ms: Math.round(percentile(sorted, 0.9)),
  }
  console.log(
    `[dashboard] ${deliveries} deliveries, ${loads} loads: median ${result.medianMs} ms, ` +
      `p90 ${result.p90Ms} ms (all: ${result.renderMs.join(', ')})`,
  )
  if (values.out) writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`)
} finally {
  await browser.close()
  await hub.stop()
  hub.database.remove()
}
