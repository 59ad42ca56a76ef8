import { createHmac } from 'node:crypto'

import { expect, test, type Browser, type Page } from '@playwright/test'

import { E2E_ADMIN, E2E_WAIT_MS, e2eBaseUrl } from './e2eSettings'
import { callApi, createUser, readDeliveryStatus } from './hubApi'
import { signIn } from './signInAsAdmin'
import { startE2eReceiver } from './startE2eReceiver'

type Receiver = Awaited<ReturnType<typeof startE2eReceiver>>

test.describe.configure({ mode: 'serial' })

let receiver: Receiver
let subscriptionId: string
let deadDeliveryId: string
let operator: { email: string; password: string }
let viewer: { email: string; password: string }

async function signedInPage(
  browser: Browser,
  credentials: { email: string; password: string },
): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, credentials)
  return page
}

test.beforeAll(async ({ request }) => {
  receiver = await startE2eReceiver()
  operator = await createUser(request, 'operator')
  viewer = await createUser(request, 'viewer')
  const subscription = await callApi<{ id: string }>(
    request,
    'POST',
    '/api/v1/webhooks/subscriptions',
    {
      name: 'E2E receiver',
      url: receiver.url,
      event_types: ['job.*'],
      retry_config: { max_attempts: 1 },
    },
  )
  subscriptionId = subscription.id
  const published = await callApi<{ delivery_ids: string[] }>(
    request,
    'POST',
    '/api/v1/webhooks/events',
    {
      event_type: 'job.completed',
      data: { job_id: 'job-e2e-1', job_type: 'image' },
    },
  )
  deadDeliveryId = published.delivery_ids[0]
  await expect
    .poll(() => readDeliveryStatus(request, deadDeliveryId), { timeout: E2E_WAIT_MS })
    .toBe('dead')
})

test.afterAll(async () => {
  await receiver.close()
})

test('the dashboard shows queue, dead deliveries, worker, inbound and jobs, matching the API', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, E2E_ADMIN)
  await page.goto('/admin')
  await expect(page.getByTestId('hub-dashboard')).toBeVisible()
  const health = await callApi<{ queue: { depth: number; dead: number } }>(
    request,
    'GET',
    '/api/v1/health',
  )
  await expect(page.getByTestId('dead-deliveries')).toHaveText(
    health.queue.dead.toLocaleString('en-US'),
  )
  await expect(page.getByTestId('worker-status')).toContainText('alive')
  await expect(page.getByTestId('delivery-chart')).toBeVisible()
  await expect(page.getByTestId('inbound-fal')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true })
})

test('a failed delivery shows its attempts, and a replay after the receiver recovers succeeds', async ({
  page,
}, testInfo) => {
  const offSiteRequests: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (/^https?:/.test(url) && !url.startsWith(e2eBaseUrl())) offSiteRequests.push(url)
  })
  await signIn(page, E2E_ADMIN)
  await page.goto(`/admin/collections/webhook-deliveries/${deadDeliveryId}`)
  const timeline = page.getByTestId('attempts-timeline')
  await expect(timeline.getByTestId('attempt-1')).toContainText('500')
  await expect(timeline.getByTestId('attempt-1')).toContainText('receiver is down')
  await expect(page.getByTestId('delivery-body')).toContainText('"job_id": "job-e2e-1"')
  // The admin must work offline: nothing may come from a CDN (Payload's Monaco editor would).
  expect(offSiteRequests).toEqual([])
  await page.screenshot({ path: testInfo.outputPath('delivery-detail.png'), fullPage: true })

  receiver.answerWith(200)
  await page.locator('#replay-delivery').click()
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId('attempt-2')).toContainText('200', { timeout: 1_000 })
  }).toPass({ timeout: E2E_WAIT_MS })
  await expect(page.locator('#field-status')).toContainText('succeeded')
})

test('the Events view shows a published event once, where it went, and one that reached nobody', async ({
  page,
  request,
}) => {
  const reachedNobody = await callApi<{ event_id: string; deliveries_created: number }>(
    request,
    'POST',
    '/api/v1/webhooks/events',
    { event_type: 'report.generated', data: { report_id: 'e2e-unmatched' } },
  )
  expect(reachedNobody.deliveries_created).toBe(0)
  const {
    items: [event],
  } = await callApi<{ items: { id: string }[] }>(
    request,
    'GET',
    '/api/v1/webhooks/events?job_id=job-e2e-1&type=job.completed',
  )
  await signIn(page, E2E_ADMIN)
  await page.goto(`/admin/collections/webhook-events/${event.id}`)
  const whereItWent = page.getByTestId('event-deliveries')
  await expect(
    whereItWent.locator(`a[href$="/webhook-deliveries/${deadDeliveryId}"]`),
  ).toBeVisible()
  await page.goto('/admin/collections/webhook-events')
  await expect(page.getByText(reachedNobody.event_id)).toBeVisible()
})

test('the subscription page sends a test event and shows a rotated secret once', async ({
  page,
}) => {
  receiver.answerWith(200)
  await signIn(page, E2E_ADMIN)
  await page.goto(`/admin/collections/webhooks/${subscriptionId}`)
  await page.locator('#send-test-event').click()
  await expect(page.getByTestId('test-outcome')).toContainText('succeeded — HTTP 200', {
    timeout: E2E_WAIT_MS,
  })

  page.once('dialog', (dialog) => dialog.accept())
  await page.locator('#rotate-secret').click()
  await expect(page.getByTestId('secret-value')).toHaveText(/^whsec_[A-Za-z0-9+/]+=*$/)
  await page.reload()
  await expect(page.getByTestId('subscription-actions')).toBeVisible()
  await expect(page.getByTestId('secret-once')).toHaveCount(0)
})

test('a subscription created in the admin shows its generated secret once', async ({ page }) => {
  await signIn(page, E2E_ADMIN)
  await page.goto('/admin/collections/webhooks/create')
  await page.locator('#field-name').fill('Created in the admin')
  await page.locator('#field-url').fill(receiver.url)
  const eventTypes = page.locator('.field-event_types input')
  await eventTypes.click()
  await page.keyboard.type('job.completed')
  await page.keyboard.press('Enter')
  await page.locator('#action-save').click()
  await expect(page.locator('#reveal-secret')).toBeVisible({ timeout: E2E_WAIT_MS })
  await page.locator('#reveal-secret').click()
  await expect(page.getByTestId('secret-value')).toHaveText(/^whsec_/)
  await page.reload()
  await expect(page.getByTestId('subscription-actions')).toBeVisible()
  await expect(page.locator('#reveal-secret')).toHaveCount(0)
})

test('recover replays failed deliveries since a time and says how many', async ({
  page,
  request,
}) => {
  receiver.answerWith(500)
  const published = await callApi<{ delivery_ids: string[] }>(
    request,
    'POST',
    '/api/v1/webhooks/events',
    {
      event_type: 'job.failed',
      data: { job_id: 'job-e2e-2' },
    },
  )
  await expect
    .poll(() => readDeliveryStatus(request, published.delivery_ids[0]), { timeout: E2E_WAIT_MS })
    .toBe('dead')
  receiver.answerWith(200)
  await signIn(page, operator)
  await page.goto(`/admin/collections/webhooks/${subscriptionId}`, { waitUntil: 'networkidle' })
  await page.locator('#recover-since').fill('2020-01-01T00:00')
  page.once('dialog', (dialog) => dialog.accept())
  await page.locator('#recover-failed').click()
  await expect(page.getByTestId('recover-count')).toHaveText('1 replayed')
  await expect
    .poll(() => readDeliveryStatus(request, published.delivery_ids[0]), { timeout: E2E_WAIT_MS })
    .toBe('succeeded')
})

test('roles: a viewer finds no replay or test buttons; an operator replays but cannot rotate', async ({
  browser,
}) => {
  const viewerPage = await signedInPage(browser, viewer)
  await viewerPage.goto(`/admin/collections/webhook-deliveries/${deadDeliveryId}`)
  await expect(viewerPage.getByTestId('attempts-timeline')).toBeVisible()
  await expect(viewerPage.locator('#replay-delivery')).toHaveCount(0)
  await viewerPage.goto('/admin/collections/webhook-deliveries')
  await expect(viewerPage.locator('#replay-selected')).toHaveCount(0)
  await viewerPage.goto(`/admin/collections/webhooks/${subscriptionId}`)
  await expect(viewerPage.getByTestId('read-only-note')).toBeVisible()
  await expect(viewerPage.locator('#send-test-event')).toHaveCount(0)
  await expect(viewerPage.locator('#rotate-secret')).toHaveCount(0)

  const operatorPage = await signedInPage(browser, operator)
  await operatorPage.goto(`/admin/collections/webhook-deliveries/${deadDeliveryId}`)
  await expect(operatorPage.locator('#replay-delivery')).toBeVisible()
  await operatorPage.goto(`/admin/collections/webhooks/${subscriptionId}`)
  await expect(operatorPage.locator('#send-test-event')).toBeVisible()
  await expect(operatorPage.locator('#rotate-secret')).toHaveCount(0)
})

test('bulk replay of selected deliveries from the list', async ({ page, request }) => {
  receiver.answerWith(200)
  await signIn(page, operator)
  await page.goto('/admin/collections/webhook-deliveries')
  await page.locator('table tbody tr').first().locator('input[type="checkbox"]').check()
  page.once('dialog', (dialog) => dialog.accept())
  await page.locator('#replay-selected').click()
  await expect(page.getByText(/of 1 deliveries replayed/)).toBeVisible()
  const deliveries = await callApi<{ items: { attempt_count: number }[] }>(
    request,
    'GET',
    `/api/v1/webhooks/subscriptions/${subscriptionId}/deliveries`,
  )
  expect(deliveries.items.length).toBeGreaterThan(0)
})

test('an inbound log shows its verdict and pretty body, retries processing, and links a job with its deliveries', async ({
  page,
  request,
}) => {
  const sourceResponse = await request.post('/api/inbound-sources', {
    headers: { authorization: `users API-Key ${E2E_ADMIN.apiKey}` },
    data: {
      slug: 'e2e-source',
      name: 'E2E',
      scheme: 'hmac-sha256-hex',
      secret: 'e2e-source-secret',
      header_name: 'x-signature',
    },
  })
  expect(sourceResponse.ok()).toBe(true)
  const body = JSON.stringify({
    job_id: 'e2e-ext-1',
    status: 'completed',
    result: { image: 'https://cdn.example.com/e2e.png' },
  })
  const signature = createHmac('sha256', 'e2e-source-secret').update(body).digest('hex')
  const received = await request.post('/api/v1/webhooks/e2e-source', {
    headers: { 'x-signature': signature, 'content-type': 'application/json' },
    data: body,
  })
  expect(received.status()).toBe(200)
  const { id: logId } = await received.json()
  const rejected = await request.post('/api/v1/webhooks/e2e-source', {
    headers: { 'x-signature': '0'.repeat(64), 'content-type': 'application/json' },
    data: body,
  })
  expect(rejected.status()).toBe(401)

  await signIn(page, operator)
  await expect
    .poll(
      async () => {
        const logs = await callApi<{ items: { id: string; status: string }[] }>(
          request,
          'GET',
          '/api/v1/webhooks/logs?source=e2e-source&status=processed',
        )
        return logs.items.some((log) => log.id === logId)
      },
      { timeout: E2E_WAIT_MS },
    )
    .toBe(true)
  await page.goto(`/admin/collections/webhook-logs/${logId}`)
  await expect(page.getByTestId('log-verdict')).toContainText('processed · signature verified')
  await expect(page.getByTestId('pretty-body')).toContainText('"status": "completed"')
  await page.locator('#retry-processing').click()
  await expect(page.getByText('Processed.')).toBeVisible()

  const jobs = await callApi<{ items: { id: string }[] }>(
    request,
    'GET',
    '/api/v1/jobs?provider=e2e-source',
  )
  await page.goto(`/admin/collections/jobs/${jobs.items[0].id}`)
  await expect(page.getByTestId('result-preview').locator('img')).toHaveAttribute(
    'src',
    'https://cdn.example.com/e2e.png',
  )
  await expect(page.getByTestId('status-history')).toContainText('completed')
  await expect(page.getByTestId('job-deliveries')).toContainText('job.completed')
  await expect(page.getByTestId('job-media')).toContainText(
    'generated-image https://cdn.example.com/e2e.png',
  )

  await page.goto('/admin/collections/webhook-logs?where[status][equals]=rejected')
  await expect(page.locator('table tbody tr').first()).toContainText('e2e-source')
})

test("a source's page sends a signed test callback and shows the verdict, for its secret and another", async ({
  page,
  request,
}) => {
  const created = await request.post('/api/inbound-sources', {
    headers: { authorization: `users API-Key ${E2E_ADMIN.apiKey}` },
    data: {
      slug: 'e2e-tested-source',
      name: 'E2E tested',
      scheme: 'hmac-sha256-hex',
      secret: 'e2e-tested-secret',
    },
  })
  expect(created.ok()).toBe(true)
  const { doc } = await created.json()

  await signIn(page, operator)
  await page.goto(`/admin/collections/inbound-sources/${doc.id}`)
  const tester = page.getByTestId('source-tester')
  await tester.getByRole('button', { name: 'Send signed test callback' }).click()
  await expect(page.getByTestId('source-tester-verdict')).toContainText(
    'accepted (HTTP 200, signed with configured-secret)',
  )
  await page.getByTestId('source-tester-secret').fill('not-the-saved-secret')
  await tester.getByRole('button', { name: 'Send signed test callback' }).click()
  await expect(page.getByTestId('source-tester-verdict')).toContainText(
    'rejected (HTTP 401, signed with given-secret): invalid_signature',
  )
  await expect(page.locator('body')).not.toContainText('e2e-tested-secret')
})
