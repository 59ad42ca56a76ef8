import { expect, test } from '@playwright/test'

import { E2E_ADMIN } from './e2eSettings'
import { signIn } from './signInAsAdmin'

const COLLECTIONS = [
  ['webhooks', 'Webhook subscriptions'],
  ['webhook-events', 'Events'],
  ['webhook-deliveries', 'Deliveries'],
  ['event-types', 'Custom event types'],
  ['webhook-logs', 'Inbound logs'],
  ['jobs', 'Jobs'],
  ['inbound-sources', 'Inbound sources'],
  ['users', 'Users'],
  ['workers', 'Workers'],
] as const

test('the health endpoint answers 200 JSON with the database reachable', async ({ request }) => {
  const response = await request.get('/api/v1/health')
  expect(response.status()).toBe(200)
  const body = await response.json()
  expect(body.data.database.reachable).toBe(true)
  expect(body.data.queue.depth).toBe(0)
})

test('management paths answer 401 without a key and 200 with the seeded ADMIN_API_KEY', async ({
  request,
}) => {
  for (const path of ['/api/v1/webhooks/subscriptions', '/api/v1/webhooks/logs', '/api/v1/jobs']) {
    const anonymous = await request.get(path)
    expect(anonymous.status()).toBe(401)
    expect((await anonymous.json()).error.code).toBe('unauthorized')
    const authorized = await request.get(path, {
      headers: { authorization: `Bearer ${E2E_ADMIN.apiKey}` },
    })
    expect(authorized.status()).toBe(200)
  }
})

test('/admin shows the login form to a stranger', async ({ page }) => {
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/login/)
  await expect(page.locator('#field-email')).toBeVisible()
  await expect(page.locator('#field-password')).toBeVisible()
})

test('the seeded admin signs in and opens every collection list', async ({ page }, testInfo) => {
  await signIn(page, E2E_ADMIN)
  for (const [slug, title] of COLLECTIONS) {
    await page.goto(`/admin/collections/${slug}`)
    await expect(page.locator('h1').first()).toContainText(title)
    const screenshot = await page.screenshot({ fullPage: true })
    await testInfo.attach(`${slug}-list`, { body: screenshot, contentType: 'image/png' })
    await page.screenshot({ path: testInfo.outputPath(`${slug}-list.png`), fullPage: true })
  }
  await page.goto('/admin/collections/webhooks')
  await expect(page.getByText('Demo receiver (npm run listen)')).toBeVisible()
})
