// The built-in event types and the zod schema of each one's `data`; custom types come from `event-types`.
import { z } from 'zod'

export const EVENT_TYPE_NAME_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/

const jobEventData = z.looseObject({
  job_id: z.string().min(1),
  job_type: z.string().optional(),
  job_status: z.string().optional(),
  priority: z.union([z.string(), z.number()]).optional(),
  machine_id: z.string().optional(),
  worker_id: z.string().optional(),
  provider: z.string().optional(),
  external_job_id: z.string().optional(),
  progress: z.number().min(0).max(100).optional(),
  result: z.unknown().optional(),
  error_message: z.string().optional(),
})

const machineEventData = z.looseObject({
  machine_id: z.string().min(1),
  hostname: z.string().optional(),
})
const workerEventData = z.looseObject({
  worker_id: z.string().min(1),
  machine_id: z.string().optional(),
})
const userEventData = z.looseObject({ user_id: z.string().min(1), email: z.email().optional() })
const contentEventData = z.looseObject({
  content_id: z.string().min(1),
  title: z.string().optional(),
})
const reportEventData = z.looseObject({ report_id: z.string().min(1), url: z.url().optional() })
const webhookDisabledData = z.looseObject({ webhook_id: z.string().min(1), reason: z.string() })
const testEventData = z.looseObject({ message: z.string().optional() })

type EventDefinition = { description: string; data: z.ZodType<Record<string, unknown>> }

export const BUILT_IN_EVENT_TYPES = {
  'job.submitted': { description: 'A job was submitted to a provider.', data: jobEventData },
  'job.assigned': { description: 'A job was assigned to a machine or worker.', data: jobEventData },
  'job.progress': { description: 'A job reported progress.', data: jobEventData },
  'job.completed': { description: 'A job finished successfully.', data: jobEventData },
  'job.failed': { description: 'A job failed.', data: jobEventData },
  'job.cancelled': { description: 'A job was cancelled.', data: jobEventData },
  'job.timeout': { description: 'A job timed out.', data: jobEventData },
  'job.status_changed': { description: 'A job changed status.', data: jobEventData },
  'machine.startup': { description: 'A machine started.', data: machineEventData },
  'machine.shutdown': { description: 'A machine shut down.', data: machineEventData },
  'worker.connected': { description: 'A worker connected.', data: workerEventData },
  'worker.disconnected': { description: 'A worker disconnected.', data: workerEventData },
  'user.created': { description: 'A user was created.', data: userEventData },
  'user.updated': { description: 'A user was updated.', data: userEventData },
  'user.subscription_changed': { description: "A user's plan changed.", data: userEventData },
  'content.published': { description: 'Content was published.', data: contentEventData },
  'content.updated': { description: 'Content was updated.', data: contentEventData },
  'report.generated': { description: 'A report was generated.', data: reportEventData },
  'webhook.disabled': {
    description: 'A subscription was disabled by the hub (410 Gone, or failing too long).',
    data: webhookDisabledData,
  },
  'webhook.test': {
    description: 'A test event sent from the admin or the API.',
    data: testEventData,
  },
} satisfies Record<string, EventDefinition>

export type BuiltInEventType = keyof typeof BUILT_IN_EVENT_TYPES

export const customEventData = z.record(z.string(), z.unknown())

export function isBuiltInEventType(name: string): name is BuiltInEventType {
  return Object.hasOwn(BUILT_IN_EVENT_TYPES, name)
}

export function getEventDataSchema(name: string): z.ZodType<Record<string, unknown>> {
  return isBuiltInEventType(name) ? BUILT_IN_EVENT_TYPES[name].data : customEventData
}
