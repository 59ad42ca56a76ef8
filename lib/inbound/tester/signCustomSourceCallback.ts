// Signs a callback for a custom source exactly as its configured scheme expects it (the counterpart of
// lib/inbound/providers/customSource.ts's verification).
import { randomBytes } from 'node:crypto'

import type { SignatureScheme } from '@/lib/model/providers'
import { signHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { signStandardWebhook } from '@/lib/signing/standardWebhooks'
import { createUrlToken } from '@/lib/signing/urlToken'
import type { SignedTrigger } from '@/lib/devtools/signTriggerRequest'
import { DEFAULT_SIGNATURE_HEADER } from '../providers/customSource'

export type CustomSourceSigning = {
  slug: string
  scheme: SignatureScheme
  secret: string
  header_name?: string | null
  signature_prefix?: string | null
}

export function signCustomSourceCallback(
  source: CustomSourceSigning,
  body: string,
  nowSeconds: number,
): SignedTrigger {
  const json = { 'content-type': 'application/json' }
  switch (source.scheme) {
    case 'hmac-sha256-hex': {
      const header = (source.header_name || DEFAULT_SIGNATURE_HEADER).toLowerCase()
      const signature = `${source.signature_prefix ?? ''}${signHmacSha256Hex(source.secret, body)}`
      return { query: '', headers: { ...json, [header]: signature } }
    }
    case 'standard-webhooks': {
      const id = `msg_${randomBytes(12).toString('hex')}`
      return {
        query: '',
        headers: {
          ...json,
          'webhook-id': id,
          'webhook-timestamp': String(nowSeconds),
          'webhook-signature': signStandardWebhook(source.secret, id, nowSeconds, body),
        },
      }
    }
    case 'url-token':
      // Without a job id in the path the token is bound to the source's slug.
      return { query: `?token=${createUrlToken(source.secret, source.slug)}`, headers: json }
    case 'bearer-token':
      return { query: '', headers: { ...json, authorization: `Bearer ${source.secret}` } }
  }
}
