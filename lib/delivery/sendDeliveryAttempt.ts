// One HTTP attempt: POST through the guarded keep-alive pool, follow redirects through the same guard
// (never from https down to http), keep the status, headers and first 4 KiB of the answer.
import { request, type Dispatcher } from 'undici'

import type { SsrfGuard } from './ssrf/createSsrfGuard'

export const RESPONSE_EXCERPT_BYTES = 4096
const MAX_REDIRECTS = 3
const MAX_BYTES_READ = 64 * 1024

export type DeliveryHttpClient = { dispatcher: Dispatcher; guard: SsrfGuard; timeoutMs: number }

export type AttemptResult = {
  statusCode: number | null
  headers: Record<string, string>
  bodyExcerpt: string
  durationMs: number
  error: string | null
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

async function readExcerpt(
  body: Dispatcher.ResponseData['body'],
  contentLength: string | string[] | undefined,
): Promise<string> {
  // Small declared bodies (the usual receiver answer) in one read; anything else streamed and capped.
  if (typeof contentLength === 'string' && Number(contentLength) <= MAX_BYTES_READ) {
    return Buffer.from(await body.arrayBuffer())
      .subarray(0, RESPONSE_EXCERPT_BYTES)
      .toString('utf8')
  }
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of body) {
    const buffer = chunk as Buffer
    if (total < RESPONSE_EXCERPT_BYTES) chunks.push(buffer)
    total += buffer.length
    if (total >= MAX_BYTES_READ) {
      body.destroy()
      break
    }
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8')
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
      return `Timed out after ${timeoutMs} ms`
    const code = (error as Error & { code?: string }).code
    const cause = (error as Error & { cause?: Error }).cause
    const detail =
      cause instanceof Error && cause.message !== error.message ? `: ${cause.message}` : ''
    return code ? `${code}: ${error.message}${detail}` : `${error.message}${detail}`
  }
  return String(error)
}

function refuseRedirect(hop: number, from: URL, to: URL): string | null {
  if (hop >= MAX_REDIRECTS) return `Too many redirects (more than ${MAX_REDIRECTS})`
  // Following would re-send the body and the subscription's headers in clear text.
  if (from.protocol === 'https:' && to.protocol !== 'https:') {
    return `Refused a redirect from https to ${to.protocol} (${to.origin})`
  }
  return null
}

export async function sendDeliveryAttempt(
  client: DeliveryHttpClient,
  targetUrl: string,
  body: string,
  headers: Record<string, string>,
): Promise<AttemptResult> {
  const started = performance.now()
  const signal = AbortSignal.timeout(client.timeoutMs)
  let url = new URL(targetUrl)
  try {
    for (let hop = 0; ; hop += 1) {
      client.guard.assertUrlAllowedAtConnect(url)
      const response = await request(url, {
        method: 'POST',
        body,
        headers,
        dispatcher: client.dispatcher,
        signal,
        headersTimeout: client.timeoutMs,
        bodyTimeout: client.timeoutMs,
      })
      const location = response.headers.location
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
        await response.body.dump()
        const next = new URL(location, url)
        const refusal = refuseRedirect(hop, url, next)
        if (refusal !== null) {
          return {
            statusCode: response.statusCode,
            headers: flattenHeaders(response.headers),
            bodyExcerpt: '',
            durationMs: Math.round(performance.now() - started),
            error: refusal,
          }
        }
        url = next
        continue
      }
      const bodyExcerpt = await readExcerpt(response.body, response.headers['content-length'])
      return {
        statusCode: response.statusCode,
        headers: flattenHeaders(response.headers),
        bodyExcerpt,
        durationMs: Math.round(performance.now() - started),
        error: null,
      }
    }
  } catch (error) {
    return {
      statusCode: null,
      headers: {},
      bodyExcerpt: '',
      durationMs: Math.round(performance.now() - started),
      error: describeError(error, client.timeoutMs),
    }
  }
}
