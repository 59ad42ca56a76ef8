import { describe, expect, it } from 'vitest'

import { BUILT_IN_PROVIDERS } from '@/lib/model/providers'
import { describeRunningHub } from '@/lib/process/describeRunningHub'

const local = 'http://localhost:3000'

describe('the banner npm start prints', () => {
  it('names the admin, docs, health and every provider callback at the public URL', () => {
    const banner = describeRunningHub({
      mode: 'start',
      localUrl: local,
      publicUrl: 'https://hub.example.com',
      adminExists: true,
    })
    expect(banner).toContain(`${local}/admin`)
    expect(banner).toContain(`${local}/docs`)
    expect(banner).toContain(`${local}/api/v1/health`)
    for (const provider of BUILT_IN_PROVIDERS)
      expect(banner).toContain(`https://hub.example.com/api/v1/webhooks/${provider}`)
    expect(banner).toContain('sign in with the e-mail and password `npm run seed` printed')
    expect(banner).not.toContain('no account yet')
  })

  it('tells a hub without an account to seed one, and production users where the dev loop is', () => {
    const banner = describeRunningHub({
      mode: 'start',
      localUrl: local,
      publicUrl: local,
      adminExists: false,
    })
    expect(banner).toContain('no account yet: run `npm run seed`')
    expect(banner).toContain(`Bearer $ADMIN_API_KEY" ${local}/api/v1/webhooks/subscriptions`)
    expect(banner).toContain('need development mode: `npm run dev`')
    expect(banner).not.toContain('npm run trigger -- fal.completed')
  })

  it('suggests listen and trigger in development', () => {
    const banner = describeRunningHub({
      mode: 'dev',
      localUrl: local,
      publicUrl: local,
      adminExists: null,
    })
    expect(banner).toContain('running (development)')
    expect(banner).toContain('npm run listen')
    expect(banner).toContain('npm run trigger -- fal.completed')
  })
})
