// Management API calls the admin tests make to set the stage, with the seeded admin's key.
import type { APIRequestContext } from '@playwright/test'

import { E2E_ADMIN } from './e2eSettings'

export const adminHeaders = { authorization: `Bearer ${E2E_ADMIN.apiKey}` }

export async function callApi<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await request.fetch(path, { method, headers: adminHeaders, data: body })
  const json = await response.json()
  if (!response.ok())
    throw new Error(`${method} ${path} → ${response.status()}: ${JSON.stringify(json)}`)
  return json.data as T
}

export async function readDeliveryStatus(request: APIRequestContext, deliveryId: string) {
  const delivery = await callApi<{ status: string }>(
    request,
    'GET',
    `/api/v1/webhooks/deliveries/${deliveryId}`,
  )
  return delivery.status
}

export async function createUser(request: APIRequestContext, role: 'operator' | 'viewer') {
  const credentials = {
    email: `${role}-${Date.now()}@webhookhub.local`,
    password: `${role}-password-123`,
  }
  const response = await request.post('/api/users', {
    headers: { authorization: `users API-Key ${E2E_ADMIN.apiKey}` },
    data: { ...credentials, role },
  })
  if (!response.ok())
    throw new Error(`creating ${role}: ${response.status()} ${await response.text()}`)
  return credentials
}
