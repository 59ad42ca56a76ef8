// Whether the running hub has an account yet, from Payload's public `init` endpoint (what /admin asks to
// decide between sign-in and create-first-user); null when it cannot tell.
import { z } from 'zod'

const initAnswerSchema = z.object({ initialized: z.boolean() })

export async function readAdminExists(baseUrl: string): Promise<boolean | null> {
  try {
    const response = await fetch(`${baseUrl}/api/users/init`)
    const answer = initAnswerSchema.safeParse(await response.json())
    return answer.success ? answer.data.initialized : null
  } catch {
    return null
  }
}
