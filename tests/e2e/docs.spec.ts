import { expect, test } from '@playwright/test'

import { E2E_WAIT_MS } from './e2eSettings'

test('/docs renders the API reference of /api/v1/openapi.json in Chromium', async ({
  page,
}, testInfo) => {
  const document = await page.request.get('/api/v1/openapi.json')
  expect(document.status()).toBe(200)
  expect((await document.json()).openapi).toBe('3.1.0')

  await page.goto('/docs')
  await expect(page.getByRole('heading', { name: 'Webhook Hub API' })).toBeVisible({
    timeout: E2E_WAIT_MS,
  })
  await expect(
    page.getByText('Database reachability, queue depth and worker heartbeat').first(),
  ).toBeVisible()
  await expect(page.getByRole('list', { name: 'Subscriptions endpoints' })).toContainText(
    'post/api/v1/webhooks/subscriptions/{id}/rotate-secret',
  )
  await expect(page.getByRole('list', { name: 'Inbound endpoints' })).toContainText(
    'post/api/v1/webhooks/{provider}/{jobId}',
  )
  await page.screenshot({ path: testInfo.outputPath('docs.png'), fullPage: false })
})

test('/docs serves only allow-listed assets', async ({ request }) => {
  expect((await request.get('/docs/assets/scalar-standalone.js')).status()).toBe(200)
  expect((await request.get('/docs/assets/..%2Fpackage.json')).status()).toBe(404)
})
