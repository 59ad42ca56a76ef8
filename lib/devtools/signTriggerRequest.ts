// Signs a sample callback exactly as its provider would, with the configured (or development) secrets.
import { createHash, createPrivateKey, randomBytes, sign, type JsonWebKeyInput } from 'node:crypto'

import { readDevSecrets } from './devSecrets'
import type { TriggerProvider } from './triggerCatalog'
import { signHmacSha256Hex } from '@/lib/signing/hmacSha256Hex'
import { signStandardWebhook } from '@/lib/signing/standardWebhooks'
import { createUrlToken } from '@/lib/signing/urlToken'

export type TriggerSigningInput = {
  provider: TriggerProvider
  body: string
  externalId: string
  jobId: string | null
  nowSeconds: number
  env: Record<string, string | undefined>
}

export type SignedTrigger = { headers: Record<string, string>; query: string }

/** Where each provider's shared secret comes from, for the trigger and the hub alike (fal has a key pair). */
export const TRIGGER_SECRET_VARIABLES = {
  openai: 'OPENAI_WEBHOOK_SECRET',
  replicate: 'REPLICATE_WEBHOOK_SECRET',
  lastframe: 'LASTFRAME_WEBHOOK_SECRET',
  comfydeploy: 'WEBHOOK_SECRET',
} as const satisfies Record<Exclude<TriggerProvider, 'fal'>, string>

function requireSecret(env: Record<string, string | undefined>, name: string): string {
  const secret = env[name]
  if (!secret) throw new Error(`${name} is not set (in development the hub's dev secrets are used)`)
  return secret
}

export function signTriggerRequest(input: TriggerSigningInput): SignedTrigger {
  const { body, env, nowSeconds } = input
  const json = { 'content-type': 'application/json' }
  switch (input.provider) {
    case 'fal': {
      const userId = 'dev-user'
      const digest = createHash('sha256').update(body).digest('hex')
      const message = Buffer.from(
        `${input.externalId}\n${userId}\n${nowSeconds}\n${digest}`,
        'utf8',
      )
      const key = createPrivateKey({
        key: readDevSecrets().falPrivateKey as JsonWebKeyInput['key'],
        format: 'jwk',
      })
      return {
        query: '',
        headers: {
          ...json,
          'x-fal-webhook-request-id': input.externalId,
          'x-fal-webhook-user-id': userId,
          'x-fal-webhook-timestamp': String(nowSeconds),
          'x-fal-webhook-signature': sign(null, message, key).toString('hex'),
        },
      }
    }
    case 'openai':
    case 'replicate': {
      const secret = requireSecret(env, TRIGGER_SECRET_VARIABLES[input.provider])
      const webhookId = `${input.provider === 'openai' ? 'wh_' : 'msg_'}${randomBytes(12).toString('hex')}`
      return {
        query: '',
        headers: {
          ...json,
          'webhook-id': webhookId,
          'webhook-timestamp': String(nowSeconds),
          'webhook-signature': signStandardWebhook(secret, webhookId, nowSeconds, body),
        },
      }
    }
    case 'comfydeploy': {
      if (!input.jobId)
        throw new Error('ComfyDeploy callbacks carry a per-job token: pass --job <hub job id>')
      const key = env[TRIGGER_SECRET_VARIABLES.comfydeploy] || requireSecret(env, 'PAYLOAD_SECRET')
      return { query: `?token=${createUrlToken(key, input.jobId)}`, headers: json }
    }
    case 'lastframe': {
      const secret = requireSecret(env, TRIGGER_SECRET_VARIABLES.lastframe)
      return {
        query: '',
        headers: {
          ...json,
          'x-lastframe-signature': signHmacSha256Hex(secret, body),
          'x-lastframe-timestamp': String(nowSeconds),
        },
      }
    }
  }
}
