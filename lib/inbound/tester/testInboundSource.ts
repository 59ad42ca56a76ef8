// Seed 004's WebhookTester as an operator action: signs a sample callback for one source exactly as its
// provider would (with the configured secret, or with one the operator wants to try), passes it through
// the receive pipeline providers hit (provider lookup, size limit, signature verification) and reports
// the verdict. Verify-only: nothing is stored and no job is touched; the secret never leaves the server.
import type { Payload } from 'payload'

import { ApiError } from '@/lib/api/apiError'
import { readEnv } from '@/lib/config/env'
import { openSecret } from '@/lib/crypto/secretBox'
import { isDevelopmentMode } from '@/lib/devtools/devSecrets'
import {
  signTriggerRequest,
  TRIGGER_SECRET_VARIABLES,
  type SignedTrigger,
} from '@/lib/devtools/signTriggerRequest'
import { isBuiltInProvider, type BuiltInProvider } from '@/lib/model/providers'
import { readInboundBodyLimit } from '../handleInboundRoute'
import type { ProviderContext } from '../providers/inboundProvider'
import { receiveWebhook } from '../receiveWebhook'
import { buildBuiltInSample, buildCustomSourceSample, type SampleCallback } from './sampleCallback'
import { signCustomSourceCallback } from './signCustomSourceCallback'
import type { SourceTestInput } from './sourceTestInputSchema'

export type SourceTestVerdict = {
  source: string
  verdict: 'accepted' | 'rejected' | 'unavailable'
  /** The HTTP status the provider would have been answered with. */
  status: number
  /** `code: message` of a refusal; null when accepted. */
  reason: string | null
  signed_with: 'configured-secret' | 'given-secret' | 'development-fal-key'
  sent: { path: string; header_names: string[]; body: Record<string, unknown> }
}

const NEVER_STORE = { mayStore: () => false }

type Signing = {
  sample: SampleCallback
  signed: SignedTrigger
  signedWith: SourceTestVerdict['signed_with']
}

function signBuiltIn(
  provider: BuiltInProvider,
  input: SourceTestInput,
  context: ProviderContext,
): Signing {
  const nowSeconds = Math.floor(context.now().getTime() / 1000)
  if (provider === 'fal') {
    if (input.secret) {
      throw new ApiError('validation_error', 'fal signs with a key pair, not a shared secret', [
        { path: 'secret', message: 'fal callbacks cannot be signed with a secret', code: 'custom' },
      ])
    }
    if (!isDevelopmentMode(context.env)) {
      throw new ApiError(
        'conflict',
        'Only fal holds the key that signs fal callbacks; outside development the hub cannot sign one.',
      )
    }
  }
  const env =
    input.secret && provider !== 'fal'
      ? { ...context.env, [TRIGGER_SECRET_VARIABLES[provider]]: input.secret }
      : context.env
  const sample = buildBuiltInSample(provider, nowSeconds)
  try {
    const signed = signTriggerRequest({
      provider,
      body: JSON.stringify(sample.body),
      externalId: sample.externalId,
      jobId: sample.jobId,
      nowSeconds,
      env,
    })
    const signedWith =
      provider === 'fal'
        ? 'development-fal-key'
        : input.secret
          ? 'given-secret'
          : 'configured-secret'
    return { sample, signed, signedWith }
  } catch (error) {
    throw new ApiError('conflict', `Cannot sign a ${provider} sample: ${(error as Error).message}`)
  }
}

async function signCustom(
  payload: Payload,
  slug: string,
  input: SourceTestInput,
  context: ProviderContext,
): Promise<Signing> {
  const found = await payload.find({
    collection: 'inbound-sources',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const source = found.docs[0]
  if (!source) throw new ApiError('not_found', `No inbound source named "${slug}"`)
  const sample = buildCustomSourceSample(context.now())
  const secret = input.secret ?? openSecret(source.secret, payload.secret)
  const signed = signCustomSourceCallback(
    { ...source, secret },
    JSON.stringify(sample.body),
    Math.floor(context.now().getTime() / 1000),
  )
  return { sample, signed, signedWith: input.secret ? 'given-secret' : 'configured-secret' }
}

function judge(status: number): SourceTestVerdict['verdict'] {
  if (status >= 200 && status < 300) return 'accepted'
  return status === 503 ? 'unavailable' : 'rejected'
}

export async function testInboundSource(
  payload: Payload,
  name: string,
  input: SourceTestInput,
  context: ProviderContext,
): Promise<SourceTestVerdict> {
  const { sample, signed, signedWith } = isBuiltInProvider(name)
    ? signBuiltIn(name, input, context)
    : await signCustom(payload, name, input, context)
  const rawBody = Buffer.from(JSON.stringify(sample.body))
  const path = `/api/v1/webhooks/${name}${sample.jobId ? `/${sample.jobId}` : ''}`
  const answer = await receiveWebhook(
    payload,
    {
      headers: signed.headers,
      query: Object.fromEntries(new URLSearchParams(signed.query)),
      peerAddress: null,
      readBody: async () => rawBody,
    },
    { provider: name, jobId: sample.jobId },
    {
      bodyLimitBytes: readInboundBodyLimit(),
      trustedProxies: readEnv().TRUSTED_PROXIES,
      rejectionBudget: NEVER_STORE,
      rateLimiter: null,
      context,
      persist: false,
    },
  )
  const error = (answer.body as { error?: { code: string; message: string } }).error
  return {
    source: name,
    verdict: judge(answer.status),
    status: answer.status,
    reason: error ? `${error.code}: ${error.message}` : null,
    signed_with: signedWith,
    // The query is left out: a url-token source's token is as good as its secret.
    sent: { path, header_names: Object.keys(signed.headers), body: sample.body },
  }
}
