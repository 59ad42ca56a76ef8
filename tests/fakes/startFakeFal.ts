// A fake fal queue on 127.0.0.1: submit, status and result on fal's paths, a JWKS, and completion
// callbacks signed exactly as fal signs them (Ed25519 over ids, timestamp and body hash).
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeFalRequest = {
  requestId: string
  endpoint: string
  input: unknown
  /** The `fal_webhook` query parameter the client sent with the submit. */
  webhookUrl: string | null
  status: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED'
  output: unknown
  failure: { httpStatus: number; detail: unknown; errorType: string } | null
}

export type FalWebhookAnswer = { status: number; json: unknown }

export type FalWebhookHeaders = Record<
  | 'x-fal-webhook-request-id'
  | 'x-fal-webhook-user-id'
  | 'x-fal-webhook-timestamp'
  | 'x-fal-webhook-signature',
  string
>

export type SendWebhookOptions = {
  requestId: string
  userId?: string
  /** Unix seconds; defaults to the real clock. */
  timestamp?: number
  /** Sends the body with one byte more than was signed. */
  tamper?: boolean
}

export type FakeFal = {
  url: string
  jwksUrl: string
  apiKey: string
  userId: string
  requests: Map<string, FakeFalRequest>
  /** The key that signs callbacks now; its public half is the one the JWKS serves. */
  readonly privateKey: KeyObject
  /** How many times the JWKS was fetched. */
  readonly jwksFetches: number
  /** Replaces the signing key pair, as fal does when it rotates keys. */
  rotateKey(): void
  startRequest(requestId: string): void
  completeRequest(requestId: string, output: unknown): void
  failRequest(
    requestId: string,
    detail: unknown,
    options?: { httpStatus?: number; errorType?: string },
  ): void
  /** POSTs fal's signed completion callback for a finished request to its `fal_webhook` URL. */
  deliverWebhook(requestId: string, options?: { timestamp?: number }): Promise<FalWebhookAnswer>
  sendWebhook(
    url: string,
    body: string | object,
    options: SendWebhookOptions,
  ): Promise<FalWebhookAnswer>
  close(): Promise<void>
}

/** Builds fal's four webhook headers for a body, signed with the given Ed25519 private key. */
export function signFalWebhook(
  privateKey: KeyObject,
  parts: {
    requestId: string
    userId: string
    timestamp: number | string
    rawBody: string | Buffer
  },
): FalWebhookHeaders {
  const bodyHash = createHash('sha256').update(parts.rawBody).digest('hex')
  const message = `${parts.requestId}\n${parts.userId}\n${parts.timestamp}\n${bodyHash}`
  return {
    'x-fal-webhook-request-id': parts.requestId,
    'x-fal-webhook-user-id': parts.userId,
    'x-fal-webhook-timestamp': String(parts.timestamp),
    'x-fal-webhook-signature': sign(null, Buffer.from(message, 'utf8'), privateKey).toString('hex'),
  }
}

function answer(response: ServerResponse, status: number, body: unknown, requestId?: string): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    ...(requestId ? { 'x-fal-request-id': requestId } : {}),
  })
  response.end(JSON.stringify(body))
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Status and result paths name the app only (`fal-ai/flux`), not the sub-path (`/dev`). */
function isAppOf(endpoint: string, app: string): boolean {
  return endpoint === app || endpoint.startsWith(`${app}/`)
}

function appOf(endpoint: string): string {
  return endpoint.split('/').slice(0, 2).join('/')
}

function buildCallbackBody(request: FakeFalRequest): Record<string, unknown> {
  const ids = { request_id: request.requestId, gateway_request_id: request.requestId }
  if (request.failure) {
    const { httpStatus, detail, errorType } = request.failure
    return {
      ...ids,
      status: 'ERROR',
      error: `Invalid status code: ${httpStatus}`,
      payload: { detail, error_type: errorType },
    }
  }
  return { ...ids, status: 'OK', payload: request.output, error: null }
}

async function postSigned(url: string, rawBody: string, headers: FalWebhookHeaders) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: rawBody,
  })
  const text = await response.text()
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {
    json = null
  }
  return { status: response.status, json }
}

export async function startFakeFal(
  options: { apiKey?: string; userId?: string } = {},
): Promise<FakeFal> {
  const apiKey = options.apiKey ?? 'fal-test-key'
  const userId = options.userId ?? 'fal-user-1'
  const requests = new Map<string, FakeFalRequest>()
  let keyPair = generateKeyPairSync('ed25519')
  let jwksFetches = 0
  let baseUrl = ''

  function describeStatus(request: FakeFalRequest): Record<string, unknown> {
    const requestUrl = `${baseUrl}/${appOf(request.endpoint)}/requests/${request.requestId}`
    const urls = {
      request_id: request.requestId,
      response_url: requestUrl,
      status_url: `${requestUrl}/status`,
      cancel_url: `${requestUrl}/cancel`,
    }
    if (request.status === 'IN_QUEUE') {
      const ahead = [...requests.values()].filter((other) => other.status === 'IN_QUEUE')
      return { status: 'IN_QUEUE', ...urls, queue_position: ahead.indexOf(request) }
    }
    return { status: request.status, ...urls, logs: null, metrics: {} }
  }

  function answerResult(response: ServerResponse, request: FakeFalRequest): void {
    if (request.status !== 'COMPLETED') {
      return answer(response, 400, { detail: 'Request is still in progress' }, request.requestId)
    }
    if (request.failure) {
      const { httpStatus, detail, errorType } = request.failure
      response.setHeader('x-fal-error-type', errorType)
      return answer(response, httpStatus, { detail, error_type: errorType }, request.requestId)
    }
    answer(response, 200, request.output, request.requestId)
  }

  async function submit(request: IncomingMessage, response: ServerResponse, url: URL) {
    const endpoint = decodeURIComponent(url.pathname.slice(1))
    if (endpoint.split('/').length < 2) return answer(response, 404, { detail: 'Not Found' })
    let input: unknown
    try {
      input = JSON.parse((await readBody(request)) || '{}')
    } catch {
      return answer(response, 422, { detail: 'Request body is not valid JSON' })
    }
    const queued: FakeFalRequest = {
      requestId: randomUUID(),
      endpoint,
      input,
      webhookUrl: url.searchParams.get('fal_webhook'),
      status: 'IN_QUEUE',
      output: null,
      failure: null,
    }
    requests.set(queued.requestId, queued)
    answer(response, 200, describeStatus(queued), queued.requestId)
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    if (request.method === 'GET' && url.pathname === '/.well-known/jwks.json') {
      jwksFetches += 1
      const jwk = keyPair.publicKey.export({ format: 'jwk' })
      return answer(response, 200, {
        keys: [{ ...jwk, kid: 'fake-fal', use: 'sig', alg: 'EdDSA' }],
      })
    }
    if (request.headers.authorization !== `Key ${apiKey}`) {
      return answer(response, 401, { detail: 'Authentication is required to perform this action.' })
    }
    const match = /^\/(.+)\/requests\/([^/]+)(\/status)?$/.exec(url.pathname)
    if (match && request.method === 'GET') {
      const queued = requests.get(decodeURIComponent(match[2]))
      if (!queued || !isAppOf(queued.endpoint, decodeURIComponent(match[1]))) {
        return answer(response, 404, { detail: 'Request not found' })
      }
      if (match[3]) return answer(response, 200, describeStatus(queued), queued.requestId)
      return answerResult(response, queued)
    }
    if (!match && request.method === 'POST') return submit(request, response, url)
    answer(response, 404, { detail: 'Not Found' })
  })

  function findRequest(requestId: string): FakeFalRequest {
    const queued = requests.get(requestId)
    if (!queued) throw new Error(`Fake fal has no request ${requestId}`)
    return queued
  }

  function sendWebhook(url: string, body: string | object, sendOptions: SendWebhookOptions) {
    const rawBody = typeof body === 'string' ? body : JSON.stringify(body)
    const headers = signFalWebhook(keyPair.privateKey, {
      requestId: sendOptions.requestId,
      userId: sendOptions.userId ?? userId,
      timestamp: sendOptions.timestamp ?? Math.floor(Date.now() / 1000),
      rawBody,
    })
    return postSigned(url, sendOptions.tamper ? `${rawBody} ` : rawBody, headers)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: baseUrl,
    jwksUrl: `${baseUrl}/.well-known/jwks.json`,
    apiKey,
    userId,
    requests,
    get privateKey() {
      return keyPair.privateKey
    },
    get jwksFetches() {
      return jwksFetches
    },
    rotateKey() {
      keyPair = generateKeyPairSync('ed25519')
    },
    startRequest(requestId) {
      findRequest(requestId).status = 'IN_PROGRESS'
    },
    completeRequest(requestId, output) {
      Object.assign(findRequest(requestId), { status: 'COMPLETED', output, failure: null })
    },
    failRequest(requestId, detail, failOptions = {}) {
      const failure = {
        httpStatus: failOptions.httpStatus ?? 500,
        detail,
        errorType: failOptions.errorType ?? 'runner_disconnected',
      }
      Object.assign(findRequest(requestId), { status: 'COMPLETED', output: null, failure })
    },
    async deliverWebhook(requestId, deliverOptions = {}) {
      const queued = findRequest(requestId)
      if (queued.status !== 'COMPLETED')
        throw new Error(`Fake fal request ${requestId} is not done`)
      if (!queued.webhookUrl) throw new Error(`Fake fal request ${requestId} has no webhook URL`)
      return sendWebhook(queued.webhookUrl, buildCallbackBody(queued), {
        requestId,
        timestamp: deliverOptions.timestamp,
      })
    },
    sendWebhook,
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
