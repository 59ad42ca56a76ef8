// A bench-local fal signer: an Ed25519 key pair, its JWKS, and signed callbacks exactly as fal sends them.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'

export type SignedRequest = { body: string; headers: Record<string, string> }

export function createFalSigner() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const jwk = publicKey.export({ format: 'jwk' })
  return {
    jwks: { keys: [{ ...jwk, kid: 'bench', use: 'sig', alg: 'EdDSA' }] },
    signCallback(requestId: string, payload: Record<string, unknown>): SignedRequest {
      return signFalCallback(privateKey, requestId, payload)
    },
  }
}

function signFalCallback(
  privateKey: KeyObject,
  requestId: string,
  payload: Record<string, unknown>,
): SignedRequest {
  const body = JSON.stringify({
    request_id: requestId,
    gateway_request_id: requestId,
    status: 'OK',
    payload,
    error: null,
  })
  const userId = 'bench-user'
  const timestamp = String(Math.floor(Date.now() / 1000))
  const digest = createHash('sha256').update(body).digest('hex')
  const message = Buffer.from(`${requestId}\n${userId}\n${timestamp}\n${digest}`, 'utf8')
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-fal-webhook-request-id': requestId,
      'x-fal-webhook-user-id': userId,
      'x-fal-webhook-timestamp': timestamp,
      'x-fal-webhook-signature': sign(null, message, privateKey).toString('hex'),
    },
  }
}
