import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'

import {
  signStandardWebhook,
  verifyStandardWebhook,
  WebhookVerificationError,
} from '@/lib/signing/standardWebhooks'

const secret = 'whsec_' + Buffer.from('standard-webhooks-test-secret').toString('base64')
const body = '{"id":"p_1","status":"succeeded"}'
const now = 1_790_000_000

const headersWith = (signature: string) => ({
  'webhook-id': 'msg_1',
  'webhook-timestamp': String(now),
  'webhook-signature': signature,
})

describe('verifyStandardWebhook', () => {
  it('accepts what the reference library signs, and the reference library accepts ours', () => {
    const reference = new Webhook(secret)
    const referenceSignature = reference.sign('msg_1', new Date(now * 1000), body)
    expect(
      verifyStandardWebhook([secret], body, headersWith(referenceSignature), { nowSeconds: now }),
    ).toEqual({ messageId: 'msg_1', timestampSeconds: now })
    const ours = signStandardWebhook(secret, 'msg_1', now, body)
    expect(ours).toBe(referenceSignature)
  })

  it('refuses other spellings of a valid signature: padding dropped, stray characters added', () => {
    const valid = signStandardWebhook(secret, 'msg_1', now, body)
    expect(valid.endsWith('=')).toBe(true)
    for (const respelled of [valid.replace(/=+$/, ''), `${valid}!`, valid.replace(',', ', ')]) {
      expect(() =>
        verifyStandardWebhook([secret], body, headersWith(respelled), { nowSeconds: now }),
      ).toThrow(WebhookVerificationError)
    }
  })

  it('accepts the valid signature among several offered', () => {
    const valid = signStandardWebhook(secret, 'msg_1', now, body)
    const header = `v1,${Buffer.alloc(32).toString('base64')} ${valid}`
    expect(() =>
      verifyStandardWebhook([secret], body, headersWith(header), { nowSeconds: now }),
    ).not.toThrow()
  })
})
