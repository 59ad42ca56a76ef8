// What `npm run seed` prints: the sign-in and the API key, each said once (a generated key is never shown again).
import type { SeededAdmin } from '@/lib/seed/seedAdminUser'

export type SeedSummaryInput = {
  admin: SeededAdmin
  email: string
  /** The password when it is the built-in default; null when it came from ADMIN_PASSWORD. */
  defaultPassword: string | null
  demo: string[]
}

function apiKeyLines(admin: SeededAdmin): string[] {
  switch (admin.apiKey.kind) {
    case 'generated':
      return [
        `  api key:  ${admin.apiKey.apiKey}`,
        '            shown this once (stored encrypted, looked up by a hash); in the terminal you use:',
        `            export ADMIN_API_KEY=${admin.apiKey.apiKey}`,
      ]
    case 'chosen':
      return ['  api key:  the value of ADMIN_API_KEY']
    case 'kept':
      return [
        '  api key:  unchanged (shown when it was created; set ADMIN_API_KEY and seed again to choose one)',
      ]
  }
}

export function formatSeedSummary(input: SeedSummaryInput): string {
  return [
    `[seed] admin user ${input.admin.outcome}`,
    `  email:    ${input.email}`,
    `  password: ${input.defaultPassword ?? 'the value of ADMIN_PASSWORD'}`,
    ...apiKeyLines(input.admin),
    `  demo:     ${input.demo.length > 0 ? input.demo.join(', ') : 'already present'}`,
  ].join('\n')
}
