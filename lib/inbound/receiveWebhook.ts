// The inbound pipeline up to the answer: read raw bytes (size-limited), find the provider, verify, store
// the log durably (group commit, de-duplicated), then answer. Processing happens in the worker.
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { InboundRejection } from './inboundRejection'
import type { ProviderContext, RawInboundRequest } from './providers/inboundProvider'
import { readLimitedBody } from './readLimitedBody'
import { redactHeaders, redactQuery } from './redactHeaders'
import { resolveProvider } from './resolveProvider'
import type { NewInboundLog } from './store/inboundLogStore'
import { getInboundLogWriter } from './store/getInboundLogStore'

export type ReceiveOptions = {
  bodyLimitBytes: number
  context: ProviderContext
  /** False only in the ingest benchmark's framework-ceiling run: verify, then answer without storing. */
  persist: boolean
}

const MAX_SOURCE_NAME = 64

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status })
}

function readSourceIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')
  if (forwarded) return forwarded.split(',')[0].trim()
  return headers.get('x-real-ip')
}

function lowerCaseHeaders(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {}
  headers.forEach((value, name) => (record[name.toLowerCase()] = value))
  return record
}

export async function receiveWebhook(
  payload: Payload,
  request: Request,
  params: { provider: string; jobId: string | null },
  options: ReceiveOptions,
): Promise<Response> {
  const receivedAt = options.context.now()
  const url = new URL(request.url)
  const query = Object.fromEntries(url.searchParams.entries())
  const source = params.provider.slice(0, MAX_SOURCE_NAME)
  const storedHeaders = { ...redactHeaders(request.headers), ...prefixQuery(redactQuery(query)) }
  const baseLog = {
    source,
    headers: storedHeaders,
    sourceIp: readSourceIp(request.headers),
    receivedAt,
    pathJobId: params.jobId,
  }
  const writer = getInboundLogWriter(payload)
  let rawBody: Buffer | null = null

  const reject = async (rejection: InboundRejection): Promise<Response> => {
    const row: NewInboundLog = {
      ...baseLog,
      status: 'rejected',
      verified: false,
      rejectionReason: `${rejection.code}: ${rejection.message}`,
      rawBody: rawBody ? rawBody.toString('utf8') : null,
      dedupeKey: `rejected:${randomUUID()}`,
      eventType: null,
      externalJobId: null,
    }
    await writer.submit(row)
    return errorResponse(rejection.status, rejection.code, rejection.message)
  }

  try {
    rawBody = await readLimitedBody(request, options.bodyLimitBytes)
    const provider = await resolveProvider(payload, params.provider)
    if (!provider) {
      throw new InboundRejection(
        'unknown_provider',
        `No provider or active source named "${source}"`,
      )
    }
    const raw: RawInboundRequest = {
      rawBody,
      headers: lowerCaseHeaders(request.headers),
      query,
      jobId: params.jobId,
      receivedAt,
    }
    const callback = await provider.verify(raw, options.context)
    if (!options.persist) return Response.json({ received: true, id: null, duplicate: false })
    const stored = await writer.submit({
      ...baseLog,
      status: 'received',
      verified: true,
      rejectionReason: null,
      rawBody: rawBody.toString('utf8'),
      dedupeKey: callback.dedupeKey,
      eventType: callback.eventType,
      externalJobId: callback.externalJobId,
    })
    const id = String(stored.duplicateOf ?? stored.id)
    return Response.json({ received: true, id, duplicate: stored.duplicateOf !== null })
  } catch (error) {
    if (error instanceof InboundRejection) return reject(error)
    console.error(
      '[inbound] could not store a callback; answering 500 so the provider retries',
      error,
    )
    return errorResponse(500, 'internal_error', 'The callback could not be stored; retry later.')
  }
}

function prefixQuery(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [`query:${name}`, value]))
}
