// A fake Replicate API on 127.0.0.1: predictions (create, get) that call their webhook, signed, as they advance.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { signStandardWebhook } from '@/lib/signing/standardWebhooks'

type Prediction = Record<string, unknown> & {
  id: string
  status: string
  webhook: string | null
  webhook_events_filter: string[]
}

const EVENT_OF_STATUS: Record<string, string> = {
  starting: 'start',
  processing: 'logs',
  succeeded: 'completed',
  failed: 'completed',
  canceled: 'completed',
  aborted: 'completed',
}

export async function startFakeReplicate(options: { webhookSecret: string }) {
  const predictions = new Map<string, Prediction>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.headers.authorization !== 'Bearer r8_test')
        return send(401, { detail: 'Unauthenticated' })
      const modelPath = /^\/v1\/models\/([^/]+\/[^/]+)\/predictions$/.exec(req.url ?? '')
      if (req.method === 'POST' && (req.url === '/v1/predictions' || modelPath)) {
        const input = {
          ...(modelPath ? { model: modelPath[1] } : {}),
          ...JSON.parse(Buffer.concat(chunks).toString('utf8')),
        }
        const id = randomBytes(10).toString('hex')
        const prediction: Prediction = {
          id,
          model: input.model ?? 'owner/model',
          version: input.version ?? 'v1',
          input: input.input,
          logs: '',
          output: null,
          error: null,
          status: 'starting',
          created_at: new Date().toISOString(),
          started_at: null,
          completed_at: null,
          urls: {
            get: `http://${req.headers.host}/v1/predictions/${id}`,
            cancel: `http://${req.headers.host}/v1/predictions/${id}/cancel`,
          },
          metrics: {},
          webhook: input.webhook ?? null,
          webhook_events_filter: input.webhook_events_filter ?? [
            'start',
            'output',
            'logs',
            'completed',
          ],
        }
        predictions.set(id, prediction)
        return send(201, prediction)
      }
      const match = /^\/v1\/predictions\/([^/?]+)$/.exec(req.url ?? '')
      if (req.method === 'GET' && match) {
        const prediction = predictions.get(match[1])
        return prediction ? send(200, prediction) : send(404, { detail: 'Not found' })
      }
      send(404, { detail: 'no route' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    predictions,
    /** Moves a prediction on and, when its filter wants that event, POSTs it signed to its webhook. */
    async advance(
      id: string,
      status: string,
      change: { output?: unknown; error?: string; logs?: string } = {},
    ) {
      const prediction = predictions.get(id)!
      const now = new Date().toISOString()
      Object.assign(prediction, {
        status,
        ...change,
        started_at: prediction.started_at ?? now,
        completed_at: EVENT_OF_STATUS[status] === 'completed' ? now : null,
      })
      if (
        !prediction.webhook ||
        !prediction.webhook_events_filter.includes(EVENT_OF_STATUS[status])
      )
        return null
      const body = JSON.stringify(prediction)
      const webhookId = `msg_${randomBytes(12).toString('hex')}`
      const timestamp = Math.floor(Date.now() / 1000)
      const response = await fetch(prediction.webhook, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': webhookId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signStandardWebhook(
            options.webhookSecret,
            webhookId,
            timestamp,
            body,
          ),
        },
        body,
      })
      return { status: response.status, json: await response.json() }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
