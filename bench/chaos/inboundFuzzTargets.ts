// Correctly signed requests for every inbound provider: the starting points the fuzzer then breaks.
import { randomUUID } from 'node:crypto'

import { signHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { signStandardWebhook } from '@/lib/signing/standardWebhooks'
import { createUrlToken } from '@/lib/signing/urlToken'
import type { createFalSigner } from '../inbound/falSigner'

export type FuzzSecrets = {
  falSigner: ReturnType<typeof createFalSigner>
  openai: string
  replicate: string
  lastframe: string
  /** WEBHOOK_SECRET: ComfyDeploy's per-job URL tokens. */
  comfyKey: string
  customHmac: { slug: string; secret: string; header: string; prefix: string }
  customStandard: { slug: string; secret: string }
  customToken: { slug: string; secret: string }
  jobIds: string[]
}

export type Scheme = 'fal' | 'standard' | 'hmac' | 'token'

export type SignedBase = {
  provider: string
  scheme: Scheme
  jobId: string | null
  query: Record<string, string>
  body: Buffer
  headers: Record<string, string | string[]>
  /** Whether a schema checks the body's shape (custom sources take any JSON). */
  checksShape: boolean
  /** Signs another body (and for Standard Webhooks another id and time) exactly as the sender would. */
  resign?: (body: Buffer, timestampSeconds: number, messageId: string) => Record<string, string>
  signatureHeader?: string
  timestampHeader?: string
  identityHeader?: string
  tokenSubject?: string
  tokenSecret?: string
}

const nowSeconds = () => Math.floor(Date.now() / 1000)

function standardBase(
  provider: string,
  secret: string,
  body: string,
  checksShape: boolean,
): SignedBase {
  const resign = (raw: Buffer, timestampSeconds: number, messageId: string) => ({
    'content-type': 'application/json',
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': signStandardWebhook(secret, messageId, timestampSeconds, raw),
  })
  const raw = Buffer.from(body)
  return {
    provider,
    scheme: 'standard',
    jobId: null,
    query: {},
    body: raw,
    headers: resign(raw, nowSeconds(), `msg_${randomUUID()}`),
    checksShape,
    resign,
    signatureHeader: 'webhook-signature',
    timestampHeader: 'webhook-timestamp',
    identityHeader: 'webhook-id',
  }
}

function hmacBase(
  provider: string,
  secret: string,
  body: string,
  header: string,
  prefix: string,
  extra: Record<string, string>,
  checksShape: boolean,
): SignedBase {
  const resign = (raw: Buffer) => ({
    'content-type': 'application/json',
    ...extra,
    [header]: `${prefix}${signHmacSha256Hex(secret, raw)}`,
  })
  const raw = Buffer.from(body)
  return {
    provider,
    scheme: 'hmac',
    jobId: null,
    query: {},
    body: raw,
    headers: resign(raw),
    checksShape,
    resign,
    signatureHeader: header,
  }
}

function tokenBase(
  provider: string,
  secret: string,
  subject: string,
  jobId: string | null,
  body: string,
  checksShape: boolean,
): SignedBase {
  return {
    provider,
    scheme: 'token',
    jobId,
    query: { token: createUrlToken(secret, subject) },
    body: Buffer.from(body),
    headers: { 'content-type': 'application/json' },
    checksShape,
    tokenSubject: subject,
    tokenSecret: secret,
  }
}

export function buildSignedBase(provider: string, secrets: FuzzSecrets, jobId: string): SignedBase {
  const id = randomUUID()
  switch (provider) {
    case 'fal': {
      const signed = secrets.falSigner.signCallback(`fuzz-${id}`, { images: [] })
      return {
        provider,
        scheme: 'fal',
        jobId: null,
        query: {},
        body: Buffer.from(signed.body),
        headers: signed.headers,
        checksShape: true,
        signatureHeader: 'x-fal-webhook-signature',
        timestampHeader: 'x-fal-webhook-timestamp',
        identityHeader: 'x-fal-webhook-request-id',
      }
    }
    case 'openai':
      return standardBase(
        provider,
        secrets.openai,
        JSON.stringify({
          id: `evt_${id}`,
          object: 'event',
          created_at: nowSeconds(),
          type: 'response.completed',
          data: { id: `resp_${id}` },
        }),
        true,
      )
    case 'replicate':
      return standardBase(
        provider,
        secrets.replicate,
        JSON.stringify({ id: `pred_${id}`, status: 'succeeded', output: ['https://x/a.png'] }),
        true,
      )
    case 'lastframe':
      return {
        ...hmacBase(
          provider,
          secrets.lastframe,
          JSON.stringify({ job_id: `lf_${id}`, status: 'completed' }),
          'x-lastframe-signature',
          '',
          { 'x-lastframe-timestamp': String(nowSeconds()) },
          true,
        ),
        timestampHeader: 'x-lastframe-timestamp',
      }
    case 'comfydeploy':
      return tokenBase(
        provider,
        secrets.comfyKey,
        jobId,
        jobId,
        JSON.stringify({ run_id: `run_${id}`, status: 'success' }),
        true,
      )
    case secrets.customHmac.slug: {
      const { secret, header, prefix } = secrets.customHmac
      const body = JSON.stringify({ id: `c_${id}`, status: 'completed' })
      return hmacBase(provider, secret, body, header, prefix, {}, false)
    }
    case secrets.customStandard.slug:
      return standardBase(
        provider,
        secrets.customStandard.secret,
        JSON.stringify({ id: `c_${id}`, status: 'completed' }),
        false,
      )
    default:
      return tokenBase(
        provider,
        secrets.customToken.secret,
        jobId,
        jobId,
        JSON.stringify({ id: `c_${id}`, status: 'completed' }),
        false,
      )
  }
}
