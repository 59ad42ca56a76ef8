import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  describeTargetUrl,
  flushWebhookActivityLog,
  logWebhookDelivered,
  logWebhookDeliveryFailed,
  logWebhookRetryScheduled,
} from '@/lib/logging/webhookActivityLog'

const at = new Date('2026-12-02T10:31:47.789Z')

afterEach(() => vi.restoreAllMocks())

describe("seed 001's activity log", () => {
  it("writes a turn's lines together, one call per run of a level, in the order they were logged", async () => {
    const calls: [string, string][] = []
    vi.spyOn(console, 'info').mockImplementation((text) => void calls.push(['info', text]))
    vi.spyOn(console, 'warn').mockImplementation((text) => void calls.push(['warn', text]))
    logWebhookDelivered('12', 'job.completed', 'job_1', at)
    logWebhookDelivered('12', 'job.completed', 'job_2', at)
    logWebhookDeliveryFailed('13', 1, 'HTTP 500', at)
    logWebhookRetryScheduled('13', 2000, 2, 3, at)
    expect(calls).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls).toEqual([
      [
        'info',
        '[2026-12-02T10:31:47.789Z] INFO: Webhook delivered successfully: 12 (job.completed, job_1)\n' +
          '[2026-12-02T10:31:47.789Z] INFO: Webhook delivered successfully: 12 (job.completed, job_2)',
      ],
      [
        'warn',
        '[2026-12-02T10:31:47.789Z] WARN: Webhook delivery failed: 13 (attempt 1) - HTTP 500',
      ],
      [
        'info',
        '[2026-12-02T10:31:47.789Z] INFO: Webhook retry scheduled: 13 in 2000ms (attempt 2/3)',
      ],
    ])
    flushWebhookActivityLog()
    expect(calls).toHaveLength(3)
  })

  it('prints a target without its credentials or query', () => {
    expect(describeTargetUrl('https://user:token@hooks.example.com/in?key=secret')).toBe(
      'https://hooks.example.com/in?…',
    )
  })
})
