// A fake ComfyDeploy API on 127.0.0.1: queues deployment runs, answers run polls, and calls back the
// webhook URL it was given (token query included) when a test advances a run.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeComfyDeployRun = {
  id: string
  deployment_id: string
  inputs: Record<string, unknown>
  webhook: string | null
  webhook_intermediate_status: boolean
  status: string
  live_status: string | null
  progress: number
  outputs: unknown[]
  created_at: string
  updated_at: string
}

export type RunAdvance = {
  status: string
  progress: number
  outputs?: unknown[]
  eventType?: 'run.updated' | 'run.output'
  liveStatus?: string | null
}

export type CallbackAnswer = { status: number; body: string }

export type FakeComfyDeploy = {
  url: string
  apiKey: string
  runs: Map<string, FakeComfyDeployRun>
  /** Updates the run and POSTs ComfyDeploy's callback body; null when the run has no webhook to call. */
  advance(runId: string, change: RunAdvance): Promise<CallbackAnswer | null>
  /** Sends the last callback of a run once more, as ComfyDeploy does when a delivery is retried. */
  resend(runId: string): Promise<CallbackAnswer | null>
  close(): Promise<void>
}

const TERMINAL_STATUSES = new Set(['success', 'failed', 'timeout', 'cancelled'])

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return null
  }
}

function createRun(body: Record<string, unknown>): FakeComfyDeployRun {
  const now = new Date().toISOString()
  return {
    id: randomUUID(),
    deployment_id: String(body.deployment_id),
    inputs: (body.inputs as Record<string, unknown> | undefined) ?? {},
    webhook: typeof body.webhook === 'string' ? body.webhook : null,
    webhook_intermediate_status: body.webhook_intermediate_status === true,
    status: 'queued',
    live_status: null,
    progress: 0,
    outputs: [],
    created_at: now,
    updated_at: now,
  }
}

export async function startFakeComfyDeploy(
  options: { apiKey?: string } = {},
): Promise<FakeComfyDeploy> {
  const apiKey = options.apiKey ?? 'cd-test-key'
  const runs = new Map<string, FakeComfyDeployRun>()
  const lastCallbacks = new Map<string, string>()

  const server = createServer(async (request, response) => {
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      return answer(response, 401, { detail: 'Invalid or expired token' })
    }
    const path = new URL(request.url ?? '/', 'http://fake').pathname
    if (request.method === 'POST' && path === '/api/run/deployment/queue') {
      const body = await readJson(request)
      if (typeof body !== 'object' || body === null || !('deployment_id' in body)) {
        return answer(response, 422, {
          detail: [{ loc: ['body', 'deployment_id'], msg: 'Field required', type: 'missing' }],
        })
      }
      const run = createRun(body as Record<string, unknown>)
      runs.set(run.id, run)
      return answer(response, 200, { run_id: run.id })
    }
    const runMatch = /^\/api\/run\/([^/]+)$/.exec(path)
    if (request.method === 'GET' && runMatch) {
      const run = runs.get(decodeURIComponent(runMatch[1]))
      if (!run) return answer(response, 404, { detail: 'Run not found' })
      return answer(response, 200, run)
    }
    answer(response, 404, { detail: 'Not Found' })
  })

  async function postCallback(webhook: string, body: string): Promise<CallbackAnswer> {
    const response = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    return { status: response.status, body: await response.text() }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    runs,
    async advance(runId, change) {
      const run = runs.get(runId)
      if (!run) throw new Error(`Fake ComfyDeploy has no run ${runId}`)
      run.status = change.status
      run.progress = change.progress
      run.live_status = change.liveStatus ?? run.live_status
      if (change.outputs) run.outputs = change.outputs
      run.updated_at = new Date().toISOString()
      const isTerminal = TERMINAL_STATUSES.has(run.status)
      if (!run.webhook || (!run.webhook_intermediate_status && !isTerminal)) return null
      const body = JSON.stringify({
        event_type: change.eventType ?? (change.outputs ? 'run.output' : 'run.updated'),
        status: run.status,
        live_status: run.live_status,
        progress: run.progress,
        run_id: run.id,
        outputs: run.outputs,
      })
      lastCallbacks.set(runId, body)
      return postCallback(run.webhook, body)
    },
    async resend(runId) {
      const run = runs.get(runId)
      const body = lastCallbacks.get(runId)
      if (!run?.webhook || !body) return null
      return postCallback(run.webhook, body)
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
