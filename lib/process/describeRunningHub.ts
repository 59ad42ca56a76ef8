// What `npm start` / `npm run dev` print once the hub answers: where everything is and what to try next.
import { buildProviderCallbackUrls } from '@/lib/devtools/buildProviderCallbackUrls'

export type RunningHub = {
  mode: 'start' | 'dev'
  /** Where this machine reaches the hub. */
  localUrl: string
  /** Where providers reach it (WEBHOOK_BASE_URL); the local URL when unset. */
  publicUrl: string
  /** Whether an admin account exists (Payload's `GET /api/users/init`); null when unknown. */
  adminExists: boolean | null
}

function adminNote(adminExists: boolean | null): string {
  if (adminExists === false)
    return 'no account yet: run `npm run seed` (prints the e-mail, password and an API key)'
  return 'sign in with the e-mail and password `npm run seed` printed'
}

function nextSteps(hub: RunningHub): string[] {
  const subscriptions = `curl -H "Authorization: Bearer $ADMIN_API_KEY" ${hub.localUrl}/api/v1/webhooks/subscriptions`
  const common = [
    'export ADMIN_API_KEY=hub_…   # the api key `npm run seed` printed (shown once)',
    subscriptions,
  ]
  if (hub.mode === 'dev')
    return [
      ...common,
      'npm run listen               # receive deliveries locally',
      'npm run trigger -- fal.completed   # a signed provider callback',
    ]
  return [
    ...common,
    '# `npm run trigger` and local receivers (http://127.0.0.1) need development mode: `npm run dev`',
  ]
}

export function describeRunningHub(hub: RunningHub): string {
  const modeName = hub.mode === 'dev' ? 'development' : 'production'
  const callbacks = buildProviderCallbackUrls(hub.publicUrl).map(
    (entry) => `    ${entry.provider.padEnd(12)} ${entry.url}`,
  )
  return [
    `[hub] Webhook Hub is running (${modeName}); Ctrl+C stops it`,
    `  admin:     ${hub.localUrl}/admin   (${adminNote(hub.adminExists)})`,
    `  api docs:  ${hub.localUrl}/docs`,
    `  health:    ${hub.localUrl}/api/v1/health`,
    '  provider callbacks (POST; a path suffix /{jobId} links a job):',
    ...callbacks,
    '  next, in another terminal:',
    ...nextSteps(hub).map((line) => `    ${line}`),
  ].join('\n')
}
