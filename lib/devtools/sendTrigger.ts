// `npm run trigger`: builds a sample callback, signs it and POSTs it to a running hub.
import { applySetOverrides } from './applySetOverrides'
import { signTriggerRequest } from './signTriggerRequest'
import {
  externalIdFor,
  findTriggerSample,
  TRIGGER_SAMPLES,
  type TriggerProvider,
} from './triggerCatalog'

export type TriggerOptions = {
  name: string
  baseUrl: string
  jobId: string | null
  externalId?: string
  set: string[]
  env: Record<string, string | undefined>
  now?: Date
  fetch?: typeof fetch
}

export type TriggerResult = {
  provider: TriggerProvider
  url: string
  status: number
  body: unknown
  externalId: string
  sent: unknown
}

export function listTriggerEvents(): string[] {
  return TRIGGER_SAMPLES.map(
    (sample) => `${sample.provider}.${sample.event}`.padEnd(30) + sample.description,
  )
}

export async function sendTrigger(options: TriggerOptions): Promise<TriggerResult> {
  const sample = findTriggerSample(options.name)
  if (!sample) throw new Error(`Unknown event "${options.name}". Run with --list to see them.`)
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000)
  const externalId = options.externalId ?? externalIdFor(sample.provider)
  const sent = applySetOverrides(
    sample.build({ external: externalId, job: options.jobId, nowSeconds }),
    options.set,
  )
  const body = JSON.stringify(sent)
  const signed = signTriggerRequest({
    provider: sample.provider,
    body,
    externalId,
    jobId: options.jobId,
    nowSeconds,
    env: options.env,
  })
  const path = `/api/v1/webhooks/${sample.provider}${options.jobId ? `/${encodeURIComponent(options.jobId)}` : ''}`
  const url = `${options.baseUrl.replace(/\/+$/, '')}${path}${signed.query}`
  const response = await (options.fetch ?? fetch)(url, {
    method: 'POST',
    headers: signed.headers,
    body,
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // Not JSON: print as received.
  }
  return {
    provider: sample.provider,
    url: url.replace(/token=[^&]+/, 'token=…'),
    status: response.status,
    body: parsed,
    externalId,
    sent,
  }
}
