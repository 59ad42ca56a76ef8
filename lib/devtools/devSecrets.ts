// Development-only signing material shared by the hub and `npm run trigger`: a local fal Ed25519 key and
// whsec_ secrets, kept in ./data so both processes agree. Never used when NODE_ENV=production.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export type DevSecrets = {
  falPrivateKey: JsonWebKey
  falPublicKey: JsonWebKey
  openaiWebhookSecret: string
  replicateWebhookSecret: string
  lastframeWebhookSecret: string
}

const DEV_SECRETS_FILE = path.resolve('data', 'dev-secrets.json')

export function isDevelopmentMode(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV !== 'production'
}

function createDevSecrets(): DevSecrets {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const whsec = () => `whsec_${randomBytes(24).toString('base64')}`
  return {
    falPrivateKey: privateKey.export({ format: 'jwk' }),
    falPublicKey: publicKey.export({ format: 'jwk' }),
    openaiWebhookSecret: whsec(),
    replicateWebhookSecret: whsec(),
    lastframeWebhookSecret: randomBytes(24).toString('hex'),
  }
}

export function readDevSecrets(): DevSecrets {
  if (existsSync(DEV_SECRETS_FILE))
    return JSON.parse(readFileSync(DEV_SECRETS_FILE, 'utf8')) as DevSecrets
  mkdirSync(path.dirname(DEV_SECRETS_FILE), { recursive: true })
  const secrets = createDevSecrets()
  try {
    writeFileSync(DEV_SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' })
    return secrets
  } catch (error) {
    // The hub and the trigger CLI may create it at the same moment: the first one wins.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readDevSecrets()
    throw error
  }
}

/** In development, provider secrets that are not configured fall back to the shared dev secrets. */
export function withDevSecretFallbacks(
  env: Record<string, string | undefined>,
  devFalJwksUrl: string,
): Record<string, string | undefined> {
  if (!isDevelopmentMode(env)) return env
  const secrets = readDevSecrets()
  return {
    ...env,
    FAL_JWKS_URL: env.FAL_JWKS_URL || devFalJwksUrl,
    OPENAI_WEBHOOK_SECRET: env.OPENAI_WEBHOOK_SECRET || secrets.openaiWebhookSecret,
    REPLICATE_WEBHOOK_SECRET: env.REPLICATE_WEBHOOK_SECRET || secrets.replicateWebhookSecret,
    LASTFRAME_WEBHOOK_SECRET: env.LASTFRAME_WEBHOOK_SECRET || secrets.lastframeWebhookSecret,
  }
}
