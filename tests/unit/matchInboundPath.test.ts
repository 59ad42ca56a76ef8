import { describe, expect, it } from 'vitest'

import { matchInboundPath } from '@/lib/web/matchInboundPath'

describe('matchInboundPath', () => {
  it('matches provider callbacks with and without a job id', () => {
    expect(matchInboundPath('POST', '/api/v1/webhooks/fal')).toEqual({ provider: 'fal' })
    expect(matchInboundPath('POST', '/api/v1/webhooks/comfydeploy/job%201')).toEqual({
      provider: 'comfydeploy',
      jobId: 'job 1',
    })
  })

  it('leaves the management API, other methods and deeper paths to Next', () => {
    for (const path of [
      '/api/v1/webhooks/events',
      '/api/v1/webhooks/subscriptions',
      '/api/v1/webhooks/subscriptions/12',
      '/api/v1/webhooks/logs/3',
      '/api/v1/webhooks/manage',
      '/api/v1/webhooks/deliveries/4',
      '/api/v1/webhooks/fal/job/extra',
      '/api/v1/health',
    ])
      expect(matchInboundPath('POST', path)).toBeNull()
    expect(matchInboundPath('GET', '/api/v1/webhooks/fal')).toBeNull()
  })

  it('refuses undecodable segments instead of throwing', () => {
    expect(matchInboundPath('POST', '/api/v1/webhooks/%E0%A4%A')).toBeNull()
  })
})
