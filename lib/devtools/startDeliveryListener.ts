// `npm run listen`: a local receiver for outbound deliveries that checks each signature, prints it, and
// optionally forwards it unchanged to another URL (like `stripe listen --forward-to`).
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

import { verifyStandardWebhook } from '@/lib/signing/standardWebhooks'
import { standardWebhooksKey } from '@/lib/signing/subscriberSecret'

export type ListenedDelivery = {
  eventType: string | null
  eventId: string | null
  webhookId: string | null
  verified: boolean | null
  verdict: string
  body: string
  forwardedStatus: number | null
}

export type ListenerOptions = {
  port: number
  secret: string | null
  forwardTo: string | null
  onDelivery(delivery: ListenedDelivery): void
  now?: () => Date
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name]
  return typeof value === 'string' ? value : null
}

function checkSignature(
  secret: string | null,
  body: Buffer,
  headers: IncomingHttpHeaders,
  now: Date,
) {
  if (!secret) return { verified: null, verdict: 'not checked (pass --secret whsec_…)' }
  try {
    // Keyed as the hub signs: a subscriber-chosen secret by its UTF-8 bytes, a whsec_ one by its base64.
    verifyStandardWebhook(
      [standardWebhooksKey(secret)],
      body,
      {
        'webhook-id': header(headers, 'webhook-id'),
        'webhook-timestamp': header(headers, 'webhook-timestamp'),
        'webhook-signature': header(headers, 'webhook-signature'),
      },
      { nowSeconds: Math.floor(now.getTime() / 1000) },
    )
    return { verified: true, verdict: 'signature valid' }
  } catch (error) {
    return { verified: false, verdict: `signature INVALID: ${(error as Error).message}` }
  }
}

async function forward(url: string, headers: IncomingHttpHeaders, body: Buffer): Promise<number> {
  const forwarded = new Headers()
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name))
      forwarded.set(name, value)
  }
  const response = await fetch(url, {
    method: 'POST',
    headers: forwarded,
    body: new Uint8Array(body),
  })
  return response.status
}

export async function startDeliveryListener(options: ListenerOptions) {
  const now = options.now ?? (() => new Date())
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const body = Buffer.concat(chunks)
      const { verified, verdict } = checkSignature(options.secret, body, req.headers, now())
      let forwardedStatus: number | null = null
      if (options.forwardTo && verified !== false) {
        forwardedStatus = await forward(options.forwardTo, req.headers, body).catch(() => 502)
      }
      const status = verified === false ? 400 : (forwardedStatus ?? 200)
      res.writeHead(status >= 200 && status < 300 ? 200 : status, {
        'content-type': 'application/json',
      })
      res.end(JSON.stringify({ received: true, verified }))
      options.onDelivery({
        eventType: header(req.headers, 'x-webhook-event'),
        eventId: header(req.headers, 'x-event-id'),
        webhookId: header(req.headers, 'webhook-id'),
        verified,
        verdict,
        body: body.toString('utf8'),
        forwardedStatus,
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
