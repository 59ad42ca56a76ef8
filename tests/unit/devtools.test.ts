import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { applySetOverrides } from '@/lib/devtools/applySetOverrides'
import { buildProviderCallbackUrls } from '@/lib/devtools/buildProviderCallbackUrls'
import { listTriggerEvents } from '@/lib/devtools/sendTrigger'

describe('tunnel URLs', () => {
  it('builds every provider’s callback URL from the public base, without the network', () => {
    const urls = buildProviderCallbackUrls('https://hub-demo.ngrok.app/', ['acme-render'])
    expect(urls.map((entry) => entry.url)).toEqual([
      'https://hub-demo.ngrok.app/api/v1/webhooks/fal',
      'https://hub-demo.ngrok.app/api/v1/webhooks/openai',
      'https://hub-demo.ngrok.app/api/v1/webhooks/replicate',
      'https://hub-demo.ngrok.app/api/v1/webhooks/comfydeploy',
      'https://hub-demo.ngrok.app/api/v1/webhooks/lastframe',
      'https://hub-demo.ngrok.app/api/v1/webhooks/acme-render',
    ])
    expect(() => buildProviderCallbackUrls('ftp://x')).toThrow(/http/)
  })

  it('explains how to get a token and exits non-zero when NGROK_AUTHTOKEN is missing', () => {
    const env = { ...process.env }
    delete env.NGROK_AUTHTOKEN
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/tunnel.ts'], {
      env,
      encoding: 'utf8',
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('dashboard.ngrok.com')
  })
})

describe('trigger helpers', () => {
  it('sets dotted paths, parsing JSON values', () => {
    expect(
      applySetOverrides({ a: { b: 1 }, c: 'x' }, ['a.b=2', 'c="y"', 'd.e=true', 'f=plain']),
    ).toEqual({
      a: { b: 2 },
      c: 'y',
      d: { e: true },
      f: 'plain',
    })
  })

  it('lists every event it can send', () => {
    const events = listTriggerEvents().map((line) => line.split(' ')[0])
    expect(events).toContain('fal.completed')
    expect(events).toContain('openai.response.completed')
    expect(events).toContain('comfydeploy.success')
  })
})
