// Signs in through Payload's login form, the way an operator does.
import { expect, type Page } from '@playwright/test'

import { E2E_WAIT_MS } from './e2eSettings'

export async function signIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(credentials.email)
  await page.locator('#field-password').fill(credentials.password)
  await page.locator('button[type="submit"]').click()
  await expect(page).not.toHaveURL(/\/admin\/login/, { timeout: E2E_WAIT_MS })
}
