// Issue 11, item 6: only an admin may clear a user's brute-force lockout.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { bootHub } from '../helpers/bootHub'
import { callPayloadRest } from '../helpers/callPayloadRest'
import { createTestUser } from '../helpers/createTestUser'

let payload: Payload

beforeAll(async () => {
  payload = await bootHub()
})

async function lockOut(email: string) {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    overrideAccess: true,
  })
  await payload.db.updateOne({
    collection: 'users',
    id: docs[0].id,
    data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 3_600_000).toISOString() },
  })
}

async function lockUntilOf(email: string) {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    overrideAccess: true,
    showHiddenFields: true,
  })
  return docs[0].lockUntil
}

describe('POST /api/users/unlock', () => {
  it('answers 403 to a viewer or an operator and leaves the lockout in place', async () => {
    const admin = await createTestUser(payload, 'admin')
    await lockOut(admin.user.email)
    for (const role of ['viewer', 'operator'] as const) {
      const caller = await createTestUser(payload, role)
      const response = await callPayloadRest('POST', 'users/unlock', {
        apiKey: caller.apiKey,
        body: { email: admin.user.email },
      })
      expect(response.status, role).toBe(403)
    }
    expect(await lockUntilOf(admin.user.email)).toBeTruthy()
  })

  it('lets an admin unlock', async () => {
    const locked = await createTestUser(payload, 'viewer')
    await lockOut(locked.user.email)
    const admin = await createTestUser(payload, 'admin')
    const response = await callPayloadRest('POST', 'users/unlock', {
      apiKey: admin.apiKey,
      body: { email: locked.user.email },
    })
    expect(response.status).toBe(200)
    expect(await lockUntilOf(locked.user.email)).toBeFalsy()
  })
})
