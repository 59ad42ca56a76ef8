// The source tester's input, shared by its route and the OpenAPI document.
import { z } from 'zod'

export const sourceTestInputSchema = z.strictObject({
  /** A secret to sign with instead of the configured one: does the provider's copy match ours? */
  secret: z.string().min(1).max(1000).optional(),
})
export type SourceTestInput = z.infer<typeof sourceTestInputSchema>
