// The sample callback the source tester sends: a completed job in the provider's own wire format (the
// `npm run trigger` samples), or, for a custom source, seed 004's WebhookTester test payload.
import { randomUUID } from 'node:crypto'

import { externalIdFor, findTriggerSample } from '@/lib/devtools/triggerCatalog'
import type { BuiltInProvider } from '@/lib/model/providers'

export type SampleCallback = {
  body: Record<string, unknown>
  externalId: string
  /** Our job id for the callback path; ComfyDeploy's URL token is bound to one. */
  jobId: string | null
}

const COMPLETED_SAMPLE: Record<BuiltInProvider, string> = {
  fal: 'fal.completed',
  openai: 'openai.response.completed',
  replicate: 'replicate.succeeded',
  comfydeploy: 'comfydeploy.success',
  lastframe: 'lastframe.completed',
}

/** Stands in for a job id: the tester verifies only, so no job is looked up or created. */
const TESTER_JOB_ID = 'webhook-tester'

export function buildBuiltInSample(provider: BuiltInProvider, nowSeconds: number): SampleCallback {
  const sample = findTriggerSample(COMPLETED_SAMPLE[provider])
  if (!sample) throw new Error(`No completed sample for ${provider}`)
  const externalId = externalIdFor(provider)
  const jobId = provider === 'comfydeploy' ? TESTER_JOB_ID : null
  return { body: sample.build({ external: externalId, job: jobId, nowSeconds }), externalId, jobId }
}

/** Seed 004's `WebhookTester.generateTestPayload('lastframe', …)`: the generic completed-job shape. */
export function buildCustomSourceSample(now: Date): SampleCallback {
  const externalId = randomUUID()
  return {
    externalId,
    jobId: null,
    body: {
      id: randomUUID(),
      timestamp: now.toISOString(),
      job_id: externalId,
      status: 'completed',
      service: 'video-stitch',
      result: { output_url: 'https://example.com/stitched-video.mp4', duration: 120 },
      metadata: {
        project_id: randomUUID(),
        user_id: randomUUID(),
        original_job_id: randomUUID(),
      },
    },
  }
}
