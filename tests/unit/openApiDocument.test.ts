import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'

import { buildOpenApiDocument } from '@/lib/openapi/buildOpenApiDocument'

// DESIGN.md's Management API table plus the two inbound paths.
const DESIGN_ROUTES = [
  'get /api/v1/webhooks/subscriptions',
  'post /api/v1/webhooks/subscriptions',
  'get /api/v1/webhooks/subscriptions/{id}',
  'put /api/v1/webhooks/subscriptions/{id}',
  'patch /api/v1/webhooks/subscriptions/{id}',
  'delete /api/v1/webhooks/subscriptions/{id}',
  'post /api/v1/webhooks/subscriptions/{id}/test',
  'get /api/v1/webhooks/subscriptions/{id}/stats',
  'get /api/v1/webhooks/subscriptions/{id}/deliveries',
  'post /api/v1/webhooks/subscriptions/{id}/rotate-secret',
  'post /api/v1/webhooks/subscriptions/{id}/recover',
  'get /api/v1/webhooks/deliveries/{id}',
  'post /api/v1/webhooks/deliveries/{id}/replay',
  'post /api/v1/webhooks/events',
  'get /api/v1/webhooks/event-types',
  'get /api/v1/webhooks/logs',
  'post /api/v1/webhooks/logs/{id}/retry',
  'get /api/v1/webhooks/manage',
  'post /api/v1/webhooks/manage',
  'post /api/v1/jobs',
  'get /api/v1/jobs',
  'get /api/v1/jobs/{id}',
  'get /api/v1/openapi.json',
  'get /api/v1/health',
  'post /api/v1/webhooks/{provider}',
  'post /api/v1/webhooks/{provider}/{jobId}',
]

type Operation = {
  description: string
  responses: Record<string, { description: string; content?: object; headers?: object }>
}

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument()

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(document))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('describes GET /api/v1/metrics as Prometheus text for operators or METRICS_TOKEN', () => {
    const operation = (document.paths['/api/v1/metrics'] as Record<string, Operation>).get!
    expect(Object.keys(operation.responses['200']!.content!)).toEqual(['text/plain'])
    expect(operation.description).toContain('METRICS_TOKEN')
  })

  it('documents the inbound 403 ip_not_allowed and 429 rate_limited with Retry-After', () => {
    const operation = (document.paths['/api/v1/webhooks/{provider}'] as Record<string, Operation>)
      .post!
    expect(operation.responses['403']!.description).toContain('ip_not_allowed')
    expect(operation.responses['429']!.headers).toHaveProperty('Retry-After')
  })

  it('lists every route of DESIGN.md', () => {
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    )
    for (const route of DESIGN_ROUTES) expect(listed).toContain(route)
  })

  it('describes request bodies with the same zod schemas the routes parse', () => {
    const create = document.components.schemas.SubscriptionCreate as {
      required: string[]
      properties: Record<string, unknown>
    }
    // url/target_url and event_types/events/event_type are each required under one of their names.
    expect(create.required ?? []).toEqual([])
    expect(Object.keys(create.properties)).toEqual(
      expect.arrayContaining(['filters', 'retry_config', 'headers', 'secret']),
    )
    expect(Object.keys(create.properties)).toEqual(
      expect.arrayContaining(['url', 'target_url', 'event_types', 'events', 'event_type']),
    )
    expect(Object.keys(create.properties)).toEqual(
      expect.arrayContaining(['name', 'format', 'client_id', 'active']),
    )
    const publish = document.components.schemas.PublishEvent as { required: string[] }
    expect(publish.required).toEqual(['event_type', 'data'])
  })
})
