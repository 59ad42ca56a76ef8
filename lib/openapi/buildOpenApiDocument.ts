// Builds the OpenAPI 3.1 document from the route catalog, converting the routes' own zod schemas.
import { z } from 'zod'

import { HUB_VERSION } from '@/lib/model/hubVersion'
import { API_ROUTES, type ApiRoute } from './apiRouteCatalog'

type JsonSchema = Record<string, unknown>

function toJsonSchema(schema: z.ZodType): JsonSchema {
  const converted = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  delete converted.$schema
  return converted
}

const errorSchema = {
  type: 'object',
  required: ['success', 'error'],
  properties: {
    success: { const: false },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              path: { type: 'string' },
              message: { type: 'string' },
              code: { type: 'string' },
            },
          },
        },
      },
    },
    timestamp: { type: 'string', format: 'date-time' },
  },
}

const envelopeSchema = {
  type: 'object',
  required: ['success', 'data', 'timestamp'],
  properties: {
    success: { const: true },
    data: {},
    timestamp: { type: 'string', format: 'date-time' },
  },
}

const inboundAnswer = {
  type: 'object',
  properties: { received: { const: true }, id: { type: 'string' }, duplicate: { type: 'boolean' } },
}

const inboundError = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
}

function queryParameters(route: ApiRoute) {
  if (!route.query) return []
  const schema = toJsonSchema(route.query) as {
    properties?: Record<string, JsonSchema>
    required?: string[]
  }
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }))
}

function describeOperation(route: ApiRoute) {
  const isInbound = route.auth === 'provider-signature'
  const errorResponses = isInbound
    ? {
        400: {
          description: 'Unparseable body',
          content: { 'application/json': { schema: inboundError } },
        },
        401: {
          description: 'Bad or missing signature',
          content: { 'application/json': { schema: inboundError } },
        },
        404: {
          description: 'Unknown provider',
          content: { 'application/json': { schema: inboundError } },
        },
        413: {
          description: 'Body over 1 MiB',
          content: { 'application/json': { schema: inboundError } },
        },
        403: {
          description:
            "ip_not_allowed: the caller's address is outside the source's allowlist; logged as rejected",
          content: { 'application/json': { schema: inboundError } },
        },
        429: {
          description:
            'rate_limited: the source is over its rate limit; not stored as accepted, retry after Retry-After',
          headers: {
            'Retry-After': {
              description: 'Seconds until the source may deliver again',
              schema: { type: 'integer' },
            },
          },
          content: { 'application/json': { schema: inboundError } },
        },
        503: {
          description:
            'verification_unavailable: the signing keys (fal JWKS) could not be fetched; nothing stored',
          headers: {
            'Retry-After': {
              description: 'Seconds until the hub fetches the keys again',
              schema: { type: 'integer' },
            },
          },
          content: { 'application/json': { schema: inboundError } },
        },
      }
    : {
        400: { $ref: '#/components/responses/BadRequest' },
        ...(route.auth === 'public'
          ? {}
          : {
              401: { $ref: '#/components/responses/Unauthorized' },
              403: { $ref: '#/components/responses/Forbidden' },
            }),
        ...(/\{\w+\}/.test(route.path) ? { 404: { $ref: '#/components/responses/NotFound' } } : {}),
      }
  return {
    operationId: `${route.method}${route.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : ''))}`,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth === 'public' || isInbound ? { security: [] } : {}),
    ...(isInbound
      ? {
          description:
            'Verified exactly as the provider signs it (see PROVIDERS.md): fal `X-Fal-Webhook-*` Ed25519, OpenAI and Replicate Standard Webhooks `webhook-id`/`webhook-timestamp`/`webhook-signature`, Last Frame `x-lastframe-signature`, ComfyDeploy `?token=`. Stored before the answer.',
        }
      : {
          description: [`Needs the ${route.auth} role or above.`, route.authNote]
            .filter(Boolean)
            .join(' '),
        }),
    parameters: [...pathParameters(route.path), ...queryParameters(route)],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: `#/components/schemas/${route.body.name}` } },
            },
          },
        }
      : isInbound
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          }
        : {}),
    responses: {
      [route.success.status]: {
        description: route.success.description,
        content:
          route.produces === 'text/plain'
            ? { 'text/plain': { schema: { type: 'string' } } }
            : {
                'application/json': {
                  schema: isInbound ? inboundAnswer : { $ref: '#/components/schemas/Envelope' },
                },
              },
      },
      ...errorResponses,
    },
  }
}

export function buildOpenApiDocument(routes: ApiRoute[] = API_ROUTES) {
  const paths: Record<string, Record<string, unknown>> = {}
  const schemas: Record<string, JsonSchema> = { Envelope: envelopeSchema, Error: errorSchema }
  for (const route of routes) {
    paths[route.path] ??= {}
    paths[route.path][route.method] = describeOperation(route)
    if (route.body) schemas[route.body.name] = toJsonSchema(route.body.schema)
  }
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  })
  return {
    openapi: '3.1.0',
    info: {
      title: 'Webhook Hub API',
      version: HUB_VERSION,
      description:
        'Receive provider webhooks, deliver your own, and manage both. Every response is JSON.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerApiKey: [] }],
    tags: [
      'Health',
      'Inbound',
      'Subscriptions',
      'Deliveries',
      'Events',
      'Inbound logs',
      'Jobs',
      'Docs',
    ].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerApiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A user's API key sent as 'Authorization: Bearer {API key}', or the admin session cookie.",
        },
      },
      schemas,
      responses: {
        BadRequest: errorResponse('Invalid input: every issue with its field path'),
        Unauthorized: errorResponse('No or unknown credentials'),
        Forbidden: errorResponse('The role is too low'),
        NotFound: errorResponse('No such document'),
      },
    },
  }
}
