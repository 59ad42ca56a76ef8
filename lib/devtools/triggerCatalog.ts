// The sample callbacks `npm run trigger` can send: realistic bodies in each provider's wire format.
import { randomBytes } from 'node:crypto'

export type TriggerProvider = 'fal' | 'openai' | 'replicate' | 'comfydeploy' | 'lastframe'

export type TriggerSample = {
  provider: TriggerProvider
  event: string
  description: string
  /** Builds the body; `ids.external` is the provider's job id, `ids.job` our job id when given. */
  build(ids: { external: string; job: string | null; nowSeconds: number }): Record<string, unknown>
}

const id = (prefix: string) => `${prefix}${randomBytes(10).toString('hex')}`

const falSample =
  (status: 'OK' | 'ERROR'): TriggerSample['build'] =>
  ({ external }) => ({
    request_id: external,
    gateway_request_id: external,
    status,
    payload:
      status === 'OK'
        ? {
            images: [
              {
                url: 'https://fal.media/files/sample/image.png',
                width: 1024,
                height: 1024,
                content_type: 'image/png',
              },
            ],
            seed: 9007199254740993,
            has_nsfw_concepts: [false],
            prompt: 'a lighthouse at dawn',
          }
        : {
            detail: [
              { loc: ['body', 'prompt'], msg: 'field required', type: 'value_error.missing' },
            ],
          },
    error: status === 'OK' ? null : 'Invalid status code: 422',
  })

const openaiSample =
  (type: string): TriggerSample['build'] =>
  ({ external, nowSeconds }) => ({
    id: id('evt_'),
    object: 'event',
    created_at: nowSeconds,
    type,
    data: { id: external },
  })

const replicateSample =
  (status: string): TriggerSample['build'] =>
  ({ external, nowSeconds }) => {
    const created = new Date((nowSeconds - 30) * 1000).toISOString()
    const done = ['succeeded', 'failed', 'canceled'].includes(status)
    return {
      id: external,
      model: 'black-forest-labs/flux-schnell',
      version: 'bf2f2e683d03a9549f484a37a0df1581514b28c4c1a9a8d2b6b1ed6c2d5d0a5b',
      input: { prompt: 'a lighthouse at dawn' },
      logs: status === 'processing' ? 'Using seed: 42\n 50%|█████     | 2/4' : '',
      output: status === 'succeeded' ? ['https://replicate.delivery/sample/out-0.webp'] : null,
      error: status === 'failed' ? 'CUDA out of memory' : null,
      status,
      created_at: created,
      started_at: status === 'starting' ? null : created,
      completed_at: done ? new Date(nowSeconds * 1000).toISOString() : null,
      urls: {
        get: `https://api.replicate.com/v1/predictions/${external}`,
        cancel: `https://api.replicate.com/v1/predictions/${external}/cancel`,
      },
      metrics: done ? { predict_time: 2.1 } : {},
    }
  }

const comfySample =
  (status: string, progress: number): TriggerSample['build'] =>
  ({ external }) => ({
    event_type: 'run.updated',
    status,
    live_status: status === 'running' ? 'Executing KSampler' : null,
    progress,
    run_id: external,
    outputs:
      status === 'success'
        ? [
            {
              data: {
                images: [{ url: 'https://comfy.example/sample.png', filename: 'sample.png' }],
              },
            },
          ]
        : [],
  })

const lastframeSample =
  (status: string): TriggerSample['build'] =>
  ({ external }) => ({
    job_id: external,
    status,
    service: 'video-upscale',
    result:
      status === 'completed'
        ? { output_url: 'https://cdn.lastframe.example/sample.mp4', duration: 4.2 }
        : null,
    metadata: { project_id: 'proj_demo', user_id: 'user_demo', original_job_id: external },
  })

export const TRIGGER_SAMPLES: TriggerSample[] = [
  {
    provider: 'fal',
    event: 'completed',
    description: 'fal completion callback, status OK with images',
    build: falSample('OK'),
  },
  {
    provider: 'fal',
    event: 'failed',
    description: 'fal completion callback, status ERROR (422)',
    build: falSample('ERROR'),
  },
  {
    provider: 'openai',
    event: 'response.completed',
    description: 'OpenAI thin event: background response completed',
    build: openaiSample('response.completed'),
  },
  {
    provider: 'openai',
    event: 'response.failed',
    description: 'OpenAI thin event: background response failed',
    build: openaiSample('response.failed'),
  },
  {
    provider: 'openai',
    event: 'response.cancelled',
    description: 'OpenAI thin event: background response cancelled',
    build: openaiSample('response.cancelled'),
  },
  {
    provider: 'openai',
    event: 'batch.completed',
    description: 'OpenAI thin event: batch completed',
    build: openaiSample('batch.completed'),
  },
  {
    provider: 'replicate',
    event: 'starting',
    description: 'Replicate prediction started',
    build: replicateSample('starting'),
  },
  {
    provider: 'replicate',
    event: 'processing',
    description: 'Replicate prediction logs at 50%',
    build: replicateSample('processing'),
  },
  {
    provider: 'replicate',
    event: 'succeeded',
    description: 'Replicate prediction succeeded with output',
    build: replicateSample('succeeded'),
  },
  {
    provider: 'replicate',
    event: 'failed',
    description: 'Replicate prediction failed',
    build: replicateSample('failed'),
  },
  {
    provider: 'replicate',
    event: 'canceled',
    description: 'Replicate prediction canceled',
    build: replicateSample('canceled'),
  },
  {
    provider: 'comfydeploy',
    event: 'running',
    description: 'ComfyDeploy run at 50% (needs --job)',
    build: comfySample('running', 0.5),
  },
  {
    provider: 'comfydeploy',
    event: 'success',
    description: 'ComfyDeploy run succeeded with an image (needs --job)',
    build: comfySample('success', 1),
  },
  {
    provider: 'comfydeploy',
    event: 'failed',
    description: 'ComfyDeploy run failed (needs --job)',
    build: comfySample('failed', 0.3),
  },
  {
    provider: 'lastframe',
    event: 'processing',
    description: 'Last Frame job processing',
    build: lastframeSample('processing'),
  },
  {
    provider: 'lastframe',
    event: 'completed',
    description: 'Last Frame job completed with a video',
    build: lastframeSample('completed'),
  },
  {
    provider: 'lastframe',
    event: 'failed',
    description: 'Last Frame job failed',
    build: lastframeSample('failed'),
  },
]

export function findTriggerSample(name: string): TriggerSample | undefined {
  return TRIGGER_SAMPLES.find((sample) => `${sample.provider}.${sample.event}` === name)
}

export function externalIdFor(provider: TriggerProvider): string {
  const prefixes: Record<TriggerProvider, string> = {
    fal: '',
    openai: 'resp_',
    replicate: '',
    comfydeploy: '',
    lastframe: 'lf_',
  }
  return provider === 'fal' || provider === 'comfydeploy'
    ? `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-4${randomBytes(2).toString('hex').slice(1)}-${randomBytes(6).toString('hex')}`
    : id(prefixes[provider])
}
