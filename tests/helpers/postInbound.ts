// Posts a raw callback to the real inbound route handler, as a provider would.
import { POST as postWithJob } from '@/app/api/v1/webhooks/[provider]/[jobId]/route'
import { POST as postToProvider } from '@/app/api/v1/webhooks/[provider]/route'

// Tests read into the JSON freely; the shapes themselves are what they assert.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any

export async function postInbound(
  provider: string,
  body: string | Buffer,
  options: { headers?: Record<string, string>; jobId?: string; query?: string } = {},
): Promise<{ status: number; body: JsonBody }> {
  const path = `/api/v1/webhooks/${provider}${options.jobId ? `/${options.jobId}` : ''}${options.query ?? ''}`
  const request = new Request(`http://hub.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
  const response = options.jobId
    ? await postWithJob(request, { params: Promise.resolve({ provider, jobId: options.jobId }) })
    : await postToProvider(request, { params: Promise.resolve({ provider }) })
  return { status: response.status, body: await response.json() }
}
