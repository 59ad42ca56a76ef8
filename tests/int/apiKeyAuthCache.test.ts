import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as publish } from '@/app/api/v1/webhooks/events/route'
import { ApiError } from '@/lib/api/apiError'
import { API_KEY_CACHE_TTL_MS, createCallerAuthenticator } from '@/lib/api/authenticateCaller'
import type { Role } from '@/lib/model/roles'
import { bootHub } from '../helpers/bootHub'
import { callRoute } from '../helpers/callRoute'
import { createTestUser } from '../helpers/createTestUser'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
  // The first user always becomes admin; every test below then gets the role it asks for.
  await createTestUser(payload, 'admin')
})

function withBearer(token: string): Request {
  return new Request('http://hub.test/api/v1/webhooks/events', {
    headers: { authorization: `Bearer ${token}` },
  })
}

/** An authenticator whose clock the test moves, and a call that reports the outcome as a status. */
function authenticatorAtTime() {
  const clock = { now: 0 }
  const authenticate = createCallerAuthenticator({ now: () => clock.now })
  const statusOf = async (token: string, minimumRole: Role = 'operator') => {
    try {
      await authenticate(payload, withBearer(token), minimumRole)
      return 200
    } catch (error) {
      if (error instanceof ApiError) return error.status
      throw error
    }
  }
  return { clock, authenticate, statusOf }
}

describe('cached API-key authentication', () => {
  it('resolves a key to its user with role, as payload.auth does', async () => {
    const { user, apiKey } = await createTestUser(payload, 'operator')
    const { authenticate } = authenticatorAtTime()
    const caller = await authenticate(payload, withBearer(apiKey), 'viewer')
    expect(caller).toMatchObject({ id: user.id, role: 'operator', collection: 'users' })
    expect(caller).not.toHaveProperty('apiKey')
  })

  it('stops accepting a disabled key within the TTL', async () => {
    const { user, apiKey } = await createTestUser(payload, 'operator')
    const { clock, statusOf } = authenticatorAtTime()
    expect(await statusOf(apiKey)).toBe(200)
    await payload.update({
      collection: 'users',
      id: user.id,
      data: { enableAPIKey: false },
      overrideAccess: true,
    })
    clock.now = API_KEY_CACHE_TTL_MS
    expect(await statusOf(apiKey)).toBe(401)
  })

  it('stops accepting a replaced key within the TTL and accepts the new one', async () => {
    const { user, apiKey } = await createTestUser(payload, 'operator')
    const { clock, statusOf } = authenticatorAtTime()
    expect(await statusOf(apiKey)).toBe(200)
    const replacement = randomBytes(24).toString('hex')
    await payload.update({
      collection: 'users',
      id: user.id,
      data: { apiKey: replacement },
      overrideAccess: true,
    })
    clock.now = API_KEY_CACHE_TTL_MS - 1
    // Within the TTL the remembered answer may still be served; that is the bound, not a leak.
    expect(await statusOf(apiKey)).toBe(200)
    clock.now = API_KEY_CACHE_TTL_MS
    expect(await statusOf(apiKey)).toBe(401)
    expect(await statusOf(replacement)).toBe(200)
  })

  it('answers 403 within the TTL once the user’s role is lowered', async () => {
    const { user, apiKey } = await createTestUser(payload, 'operator')
    const { clock, statusOf } = authenticatorAtTime()
    expect(await statusOf(apiKey)).toBe(200)
    await payload.update({
      collection: 'users',
      id: user.id,
      data: { role: 'viewer' },
      overrideAccess: true,
    })
    clock.now = API_KEY_CACHE_TTL_MS
    expect(await statusOf(apiKey)).toBe(403)
  })

  it('answers 401 within the TTL once the user is deleted', async () => {
    const { user, apiKey } = await createTestUser(payload, 'admin')
    const { clock, statusOf } = authenticatorAtTime()
    expect(await statusOf(apiKey)).toBe(200)
    await payload.delete({ collection: 'users', id: user.id, overrideAccess: true })
    clock.now = API_KEY_CACHE_TTL_MS
    expect(await statusOf(apiKey)).toBe(401)
  })

  it('remembers an unknown key no longer than the TTL', async () => {
    const { clock, statusOf } = authenticatorAtTime()
    const apiKey = randomBytes(24).toString('hex')
    expect(await statusOf(apiKey)).toBe(401)
    const { user } = await createTestUser(payload, 'operator')
    await payload.update({
      collection: 'users',
      id: user.id,
      data: { apiKey },
      overrideAccess: true,
    })
    clock.now = API_KEY_CACHE_TTL_MS
    expect(await statusOf(apiKey)).toBe(200)
  })

  it('authenticates JWT bearer tokens through payload.auth', async () => {
    const { user } = await createTestUser(payload, 'operator')
    const { token } = await payload.login({
      collection: 'users',
      data: { email: user.email, password: 'correct horse battery staple' },
    })
    const { authenticate } = authenticatorAtTime()
    const caller = await authenticate(payload, withBearer(token!), 'operator')
    expect(caller.id).toBe(user.id)
  })

  it('answers 403 to a viewer and 401 to an unknown key on publish, with the same messages as before', async () => {
    const { apiKey: viewerKey } = await createTestUser(payload, 'viewer')
    const body = JSON.stringify({ event_type: 'report.generated', data: { report_id: 'r' } })
    const asViewer = await callRoute(publish, '/x', { method: 'POST', apiKey: viewerKey, body })
    expect(asViewer.status).toBe(403)
    expect(asViewer.body.error).toEqual({
      code: 'forbidden',
      message: 'This action needs the operator role; you are viewer.',
    })
    const unknown = await callRoute(publish, '/x', { method: 'POST', apiKey: 'nope', body })
    expect(unknown.status).toBe(401)
    expect(unknown.body.error.code).toBe('unauthorized')
  })
})
