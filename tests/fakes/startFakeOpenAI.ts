// A fake OpenAI API on 127.0.0.1: background responses (create, retrieve) and signed thin webhook events.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { signStandardWebhook } from '@/lib/signing/standardWebhooks'

type FakeResponse = Record<string, unknown> & { id: string; status: string }

export async function startFakeOpenAI() {
  const responses = new Map<string, FakeResponse>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.headers.authorization !== 'Bearer sk-test')
        return send(401, { error: { message: 'bad key' } })
      if (req.method === 'POST' && req.url === '/v1/responses') {
        const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        const response: FakeResponse = {
          id: `resp_${randomBytes(12).toString('hex')}`,
          object: 'response',
          created_at: Math.floor(Date.now() / 1000),
          status: input.background ? 'queued' : 'completed',
          model: input.model,
          background: Boolean(input.background),
          output: [],
          error: null,
          incomplete_details: null,
          metadata: input.metadata ?? {},
        }
        responses.set(response.id, response)
        return send(200, response)
      }
      const match = /^\/v1\/responses\/([^/?]+)/.exec(req.url ?? '')
      if (req.method === 'GET' && match) {
        const response = responses.get(match[1])
        return response ? send(200, response) : send(404, { error: { message: 'not found' } })
      }
      send(404, { error: { message: 'no route' } })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    responses,
    completeResponse(id: string, text: string) {
      Object.assign(responses.get(id)!, {
        status: 'completed',
        output: [
          {
            type: 'message',
            id: `msg_${id}`,
            status: 'completed',
            role: 'assistant',
            content: [{ type: 'output_text', text, annotations: [] }],
          },
        ],
      })
    },
    failResponse(id: string, message: string) {
      Object.assign(responses.get(id)!, {
        status: 'failed',
        error: { code: 'server_error', message },
      })
    },
    async sendWebhook(
      target: string,
      options: {
        type: string
        responseId: string
        secret: string
        timestamp?: number
        webhookId?: string
      },
    ) {
      const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000)
      const webhookId = options.webhookId ?? `wh_${randomBytes(16).toString('hex')}`
      const body = JSON.stringify({
        id: `evt_${randomBytes(16).toString('hex')}`,
        object: 'event',
        created_at: timestamp,
        type: options.type,
        data: { id: options.responseId },
      })
      const response = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': webhookId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signStandardWebhook(options.secret, webhookId, timestamp, body),
        },
        body,
      })
      return { status: response.status, json: await response.json() }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
