// Every route of the API with the zod schemas its handler parses: the single source of the OpenAPI document.
import type { z } from 'zod'

import { API_EVENT_ROUTES } from './apiEventRoutes'

import { listDeliveriesQuerySchema } from '@/lib/deliveries/listDeliveriesQuery'
import { listInboundLogsQuerySchema } from '@/lib/inbound/listInboundLogsQuery'
import { retryLogInputSchema } from '@/lib/inbound/retryLogInputSchema'
import { sourceTestInputSchema } from '@/lib/inbound/tester/sourceTestInputSchema'
import { listJobsQuerySchema } from '@/lib/jobs/listJobsQuery'
import { submitJobInputSchema } from '@/lib/jobs/submitJob'
import { listSubscriptionsQuerySchema } from '@/lib/subscriptions/listSubscriptionsQuery'
import { testEventInputSchema } from '@/lib/subscriptions/sendTestEvent'
import {
  recoverInputSchema,
  rotateSecretInputSchema,
  subscriptionCreateSchema,
  subscriptionPatchSchema,
  subscriptionReplaceSchema,
} from '@/lib/subscriptions/subscriptionInputSchema'

export type ApiRoute = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  tag:
    | 'Health'
    | 'Inbound'
    | 'Subscriptions'
    | 'Deliveries'
    | 'Events'
    | 'Inbound logs'
    | 'Jobs'
    | 'Docs'
  auth: 'public' | 'viewer' | 'operator' | 'admin' | 'provider-signature'
  body?: { name: string; schema: z.ZodType }
  query?: z.ZodObject
  success: { status: number; description: string }
  /** The success body's media type when it is not the JSON envelope. */
  produces?: 'text/plain'
  /** Said after the role: another way in (METRICS_TOKEN). */
  authNote?: string
}

export const API_ROUTES: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/health',
    summary: 'Database reachability, queue depth and worker heartbeat',
    tag: 'Health',
    auth: 'public',
    success: { status: 200, description: 'Health report' },
  },
  {
    method: 'get',
    path: '/api/v1/metrics',
    summary:
      'Prometheus metrics: deliveries, callback verdicts, state-update latency, orphans, queue depth, workers',
    tag: 'Health',
    auth: 'operator',
    authNote: 'Or `Authorization: Bearer <METRICS_TOKEN>`.',
    produces: 'text/plain',
    success: { status: 200, description: 'Prometheus text exposition format 0.0.4' },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This document',
    tag: 'Docs',
    auth: 'public',
    success: { status: 200, description: 'OpenAPI 3.1 document' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/{provider}',
    summary:
      'Receive a provider callback (fal, openai, replicate, comfydeploy, lastframe or a custom source)',
    tag: 'Inbound',
    auth: 'provider-signature',
    success: { status: 200, description: 'Stored: {received, id, duplicate}' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/{provider}/{jobId}',
    summary: 'Receive a provider callback for one of our jobs',
    tag: 'Inbound',
    auth: 'provider-signature',
    success: { status: 200, description: 'Stored: {received, id, duplicate}' },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/subscriptions',
    summary: 'List subscriptions',
    tag: 'Subscriptions',
    auth: 'viewer',
    query: listSubscriptionsQuerySchema,
    success: { status: 200, description: 'A page of subscriptions' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/subscriptions',
    summary:
      'Create a subscription (its secret is returned this once). Needs url (or target_url) and event_types (or events, or event_type); two names for one field that disagree are a 400',
    tag: 'Subscriptions',
    auth: 'admin',
    body: { name: 'SubscriptionCreate', schema: subscriptionCreateSchema },
    success: { status: 201, description: 'The subscription with its secret' },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/subscriptions/{id}',
    summary: 'Get a subscription',
    tag: 'Subscriptions',
    auth: 'viewer',
    success: { status: 200, description: 'The subscription (never its secret)' },
  },
  {
    method: 'put',
    path: '/api/v1/webhooks/subscriptions/{id}',
    summary: 'Replace a subscription',
    tag: 'Subscriptions',
    auth: 'admin',
    body: { name: 'SubscriptionReplace', schema: subscriptionReplaceSchema },
    success: { status: 200, description: 'The subscription' },
  },
  {
    method: 'patch',
    path: '/api/v1/webhooks/subscriptions/{id}',
    summary: 'Change some fields of a subscription',
    tag: 'Subscriptions',
    auth: 'admin',
    body: { name: 'SubscriptionPatch', schema: subscriptionPatchSchema },
    success: { status: 200, description: 'The subscription' },
  },
  {
    method: 'delete',
    path: '/api/v1/webhooks/subscriptions/{id}',
    summary: 'Delete a subscription (its delivery history stays)',
    tag: 'Subscriptions',
    auth: 'admin',
    success: { status: 200, description: '{id, deleted: true}' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/subscriptions/{id}/test',
    summary: 'Send a test event and answer with the attempt',
    tag: 'Subscriptions',
    auth: 'operator',
    body: { name: 'TestEvent', schema: testEventInputSchema },
    success: {
      status: 200,
      description: 'The attempt outcome (202 if no worker attempted it in time)',
    },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/subscriptions/{id}/stats',
    summary: 'Delivery statistics of a subscription',
    tag: 'Subscriptions',
    auth: 'viewer',
    success: {
      status: 200,
      description: 'Totals, success rate, retry queue, pending, latency percentiles',
    },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/subscriptions/{id}/deliveries',
    summary: 'Deliveries of a subscription, with attempts',
    tag: 'Deliveries',
    auth: 'viewer',
    query: listDeliveriesQuerySchema,
    success: { status: 200, description: 'A page of deliveries' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/subscriptions/{id}/rotate-secret',
    summary: 'Rotate the signing secret; the old one signs too for 24 h',
    tag: 'Subscriptions',
    auth: 'admin',
    body: { name: 'RotateSecret', schema: rotateSecretInputSchema },
    success: { status: 200, description: 'The new secret, shown this once' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/subscriptions/{id}/recover',
    summary: 'Replay every failed or dead delivery since a time',
    tag: 'Deliveries',
    auth: 'operator',
    body: { name: 'Recover', schema: recoverInputSchema },
    success: { status: 200, description: '{replayed: count}' },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/deliveries/{id}',
    summary: 'One delivery with every attempt',
    tag: 'Deliveries',
    auth: 'viewer',
    success: { status: 200, description: 'The delivery' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/deliveries/{id}/replay',
    summary: 'Deliver again now',
    tag: 'Deliveries',
    auth: 'operator',
    success: { status: 202, description: 'The delivery, due now' },
  },
  ...API_EVENT_ROUTES,
  {
    method: 'get',
    path: '/api/v1/webhooks/logs',
    summary: 'Inbound logs, newest first',
    tag: 'Inbound logs',
    auth: 'viewer',
    query: listInboundLogsQuerySchema,
    success: { status: 200, description: 'A page of inbound logs' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/logs/{id}/retry',
    summary: 'Process a stored callback again',
    tag: 'Inbound logs',
    auth: 'operator',
    success: { status: 200, description: 'The processing result and the log' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/sources/{slug}/test',
    summary:
      'Sign a sample callback for a source (built-in or custom) and verify it as a real one; nothing is stored',
    tag: 'Inbound',
    auth: 'operator',
    body: { name: 'SourceTest', schema: sourceTestInputSchema },
    success: {
      status: 200,
      description:
        '{source, verdict: accepted|rejected|unavailable, status, reason, signed_with, sent}',
    },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/manage',
    summary: 'Inbound logs (older form)',
    tag: 'Inbound logs',
    auth: 'viewer',
    query: listInboundLogsQuerySchema,
    success: { status: 200, description: 'A page of inbound logs' },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/manage',
    summary: 'Process a stored callback again (older form)',
    tag: 'Inbound logs',
    auth: 'operator',
    body: { name: 'RetryLog', schema: retryLogInputSchema },
    success: { status: 200, description: 'The processing result and the log' },
  },
  {
    method: 'get',
    path: '/api/v1/jobs',
    summary: 'List jobs',
    tag: 'Jobs',
    auth: 'viewer',
    query: listJobsQuerySchema,
    success: { status: 200, description: 'A page of jobs' },
  },
  {
    method: 'post',
    path: '/api/v1/jobs',
    summary: 'Submit a job to a provider with our callback URL',
    tag: 'Jobs',
    auth: 'operator',
    body: { name: 'SubmitJob', schema: submitJobInputSchema },
    success: { status: 201, description: 'The job with its external id and callback URL' },
  },
  {
    method: 'get',
    path: '/api/v1/jobs/{id}',
    summary: 'One job’s state and history',
    tag: 'Jobs',
    auth: 'viewer',
    success: { status: 200, description: 'The job' },
  },
]
