import { describe, expect, it } from 'vitest'

import { matchesEventType } from '@/lib/events/eventTypePattern'
import { matchesSubscription } from '@/lib/events/matchSubscription'

describe('event type patterns', () => {
  it.each([
    [['job.*'], 'job.completed', true],
    [['job.*'], 'job.status_changed', true],
    [['job.*'], 'jobs.completed', false],
    [['job.*'], 'machine.startup', false],
    [['*'], 'report.generated', true],
    [['job.completed'], 'job.completed', true],
    [['job.completed'], 'job.completedx', false],
    [['user.*', 'report.generated'], 'report.generated', true],
  ] as const)('%j matches %s: %s', (patterns, type, expected) => {
    expect(matchesEventType(patterns, type)).toBe(expected)
  })
})

describe('subscription filters', () => {
  const data = {
    job_id: 'j1',
    job_type: 'video',
    priority: 5,
    machine_id: 'gpu-eu-07',
    worker_id: 'w-3',
    tenant: { plan: 'pro' },
  }
  const subscription = (filters: Record<string, unknown>) => ({ event_types: ['job.*'], filters })

  it('matches when every filter that is set matches', () => {
    expect(
      matchesSubscription(
        subscription({
          job_types: ['image', 'video'],
          job_priorities: ['5'],
          machine_ids: ['gpu-eu-*'],
          worker_ids: ['w-3'],
          custom_filters: { 'tenant.plan': 'pro' },
        }),
        'job.completed',
        data,
      ),
    ).toBe(true)
  })

  it.each([
    [{ job_types: ['image'] }],
    [{ job_priorities: ['1'] }],
    [{ machine_ids: ['gpu-us-*'] }],
    [{ worker_ids: ['w-4'] }],
    [{ custom_filters: { 'tenant.plan': 'free' } }],
    [{ custom_filters: { missing: 'x' } }],
  ])('refuses the event when %j does not match', (filters) => {
    expect(matchesSubscription(subscription(filters), 'job.completed', data)).toBe(false)
  })

  it('refuses an event that lacks a field a filter needs', () => {
    expect(
      matchesSubscription(subscription({ machine_ids: ['*'] }), 'job.completed', { job_id: 'j' }),
    ).toBe(false)
  })

  it('treats empty filter lists as no filter', () => {
    expect(
      matchesSubscription(subscription({ job_types: [], machine_ids: [] }), 'job.failed', data),
    ).toBe(true)
    expect(matchesSubscription(subscription({}), 'machine.startup', data)).toBe(false)
  })
})
