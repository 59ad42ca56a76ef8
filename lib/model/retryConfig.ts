// A subscription's retry policy; defaults follow DESIGN.md.
import { z } from 'zod'

export const DEFAULT_RETRY_CONFIG = {
  max_attempts: 3,
  initial_delay_ms: 1000,
  backoff_multiplier: 2,
  max_delay_ms: 30_000,
} as const

export const retryConfigSchema = z.object({
  max_attempts: z.number().int().min(1).max(50).default(DEFAULT_RETRY_CONFIG.max_attempts),
  initial_delay_ms: z
    .number()
    .int()
    .min(0)
    .max(86_400_000)
    .default(DEFAULT_RETRY_CONFIG.initial_delay_ms),
  backoff_multiplier: z.number().min(1).max(10).default(DEFAULT_RETRY_CONFIG.backoff_multiplier),
  max_delay_ms: z.number().int().min(0).max(86_400_000).default(DEFAULT_RETRY_CONFIG.max_delay_ms),
})

export type RetryConfig = z.infer<typeof retryConfigSchema>
