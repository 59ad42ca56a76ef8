// Reads process configuration once, with zod, so every process (web, worker, scripts) agrees on it.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

import { parseAddressRanges } from '../web/parseAddressRanges'

const booleanFromString = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1')

/** `NAME=` copied from .env.example means unset, not an empty value. */
const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value)

function addressRanges(text: string, context: z.RefinementCtx) {
  try {
    return parseAddressRanges(text)
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message })
    return z.NEVER
  }
}

/** A built-in provider's IP allowlist; unset or empty, every address may call. */
const allowedIps = z
  .string()
  .optional()
  .transform((text, context) => (text?.trim() ? addressRanges(text, context) : null))

export const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default('file:./data/hub.db'),
  /** Connections each process keeps to PostgreSQL (web and worker each have their own pool). */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  PAYLOAD_SECRET: z.string().min(16).optional(),
  WEBHOOK_BASE_URL: z.url().optional(),
  ALLOW_PRIVATE_TARGETS: booleanFromString,
  ORPHAN_AFTER_MS: z.coerce.number().int().positive().default(300_000),
  ORPHAN_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(10_000),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(128),
  WORKER_SUBSCRIPTION_CONCURRENCY: z.coerce.number().int().positive().default(32),
  DELIVERY_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Must outlast an attempt: a lease that expires mid-attempt lets a second worker send it again. */
  DELIVERY_LEASE_MS: z.coerce.number().int().positive().optional(),
  INBOUND_BODY_LIMIT_BYTES: z.coerce.number().int().positive().optional(),
  /** Rejected callbacks one source address may have stored at once, and refilled per minute. */
  INBOUND_REJECTION_BURST: z.coerce.number().int().nonnegative().default(100),
  INBOUND_REJECTIONS_PER_MINUTE: z.coerce.number().int().nonnegative().default(60),
  DELIVERY_POLL_MS: z.coerce.number().int().positive().default(20),
  WORKER_HEARTBEAT_MS: z.coerce.number().int().positive().default(5_000),
  /** Reverse proxies whose X-Forwarded-For is believed; unset, the TCP peer is the source address. */
  TRUSTED_PROXIES: z.string().default('').transform(addressRanges),
  /**
   * Verified callbacks each built-in provider may deliver per minute (0: no limit), in bursts of up to
   * INBOUND_RATE_LIMIT_BURST (default: the per-minute figure); custom sources set their own. Per web process.
   */
  INBOUND_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().nonnegative().default(0),
  INBOUND_RATE_LIMIT_BURST: z.preprocess(
    emptyAsUnset,
    z.coerce.number().int().positive().optional(),
  ),
  /** Addresses and CIDR ranges each built-in provider may call from (comma or space separated). */
  INBOUND_ALLOWED_IPS_FAL: allowedIps,
  INBOUND_ALLOWED_IPS_OPENAI: allowedIps,
  INBOUND_ALLOWED_IPS_REPLICATE: allowedIps,
  INBOUND_ALLOWED_IPS_COMFYDEPLOY: allowedIps,
  INBOUND_ALLOWED_IPS_LASTFRAME: allowedIps,
  /** A bearer token that may read GET /api/v1/metrics besides operator and admin API keys. */
  METRICS_TOKEN: z.preprocess(emptyAsUnset, z.string().min(16).optional()),
  /** Scrapes within this long of a database read share it (ms): bounds the cost of frequent scrapes. */
  METRICS_MAX_AGE_MS: z.coerce.number().int().nonnegative().default(5_000),
})

export type HubEnv = z.infer<typeof envSchema> & { PAYLOAD_SECRET: string }

const generatedSecretFile = path.resolve('data', '.payload-secret')

/** Zero set-up: without PAYLOAD_SECRET, every local process shares one random secret kept in ./data. */
function readOrCreateLocalSecret(): string {
  if (existsSync(generatedSecretFile)) return readFileSync(generatedSecretFile, 'utf8').trim()
  mkdirSync(path.dirname(generatedSecretFile), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  try {
    writeFileSync(generatedSecretFile, secret, { mode: 0o600, flag: 'wx' })
    return secret
  } catch (error) {
    // Web and worker start together: whoever lost the race reads the winner's secret.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateLocalSecret()
    throw error
  }
}

let cachedEnv: HubEnv | undefined

export function readEnv(): HubEnv {
  if (cachedEnv) return cachedEnv
  const parsed = envSchema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment: ${problems.join('; ')}`)
  }
  cachedEnv = {
    ...parsed.data,
    PAYLOAD_SECRET: parsed.data.PAYLOAD_SECRET ?? readOrCreateLocalSecret(),
  }
  return cachedEnv
}

export function isMongoUrl(databaseUrl: string): boolean {
  return databaseUrl.startsWith('mongodb://') || databaseUrl.startsWith('mongodb+srv://')
}

export function isPostgresUrl(databaseUrl: string): boolean {
  return databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')
}

/** SQLite is everything that is not a server database: `file:` URLs (and libsql's `:memory:`). */
export function isSqliteUrl(databaseUrl: string): boolean {
  return !isMongoUrl(databaseUrl) && !isPostgresUrl(databaseUrl)
}
