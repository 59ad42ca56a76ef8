import { z } from 'zod'

/** The older /api/v1/webhooks/manage form: which stored callback to process again. */
export const retryLogInputSchema = z.object({
  webhookLogId: z.union([z.string().min(1), z.number().int().positive()]),
})
