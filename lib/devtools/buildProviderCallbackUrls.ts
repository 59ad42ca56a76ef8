// The callback URL each provider must be given, from the hub's public base URL.
import { BUILT_IN_PROVIDERS } from '@/lib/model/providers'

export type ProviderCallbackUrl = { provider: string; url: string; note: string }

const NOTES: Record<string, string> = {
  fal: 'sent per request as webhookUrl (POST /api/v1/jobs does it); …/fal/{jobId} links the job',
  openai:
    "set once in OpenAI's dashboard (Webhooks), with its signing secret in OPENAI_WEBHOOK_SECRET",
  replicate: 'sent per prediction as webhook (POST /api/v1/jobs does it)',
  comfydeploy: 'sent per run with a ?token= for the job (POST /api/v1/jobs does it)',
  lastframe: 'set in Last Frame, with LASTFRAME_WEBHOOK_SECRET',
}

export function buildProviderCallbackUrls(
  baseUrl: string,
  customSlugs: string[] = [],
): ProviderCallbackUrl[] {
  const parsed = new URL(baseUrl)
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`Not an http(s) URL: ${baseUrl}`)
  const base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`
  return [...BUILT_IN_PROVIDERS, ...customSlugs].map((provider) => ({
    provider,
    url: `${base}/api/v1/webhooks/${provider}`,
    note: NOTES[provider] ?? 'custom source added in the admin',
  }))
}

export const NGROK_TOKEN_HELP = `NGROK_AUTHTOKEN is not set.
  1. Sign up (free) at https://dashboard.ngrok.com/signup
  2. Copy your authtoken from https://dashboard.ngrok.com/get-started/your-authtoken
  3. Run: NGROK_AUTHTOKEN=<token> npm run tunnel   (optionally NGROK_DOMAIN=<your-reserved-domain>)`
