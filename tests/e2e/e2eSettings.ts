// Where the end-to-end suite runs the built app, and the admin it seeds.

/** The port playwright.config.ts settled once for the run; its workers inherit it through the env. */
export function e2eBaseUrl(): string {
  const port = process.env.E2E_PORT
  if (!port) throw new Error('E2E_PORT is unset: run the suite through playwright.config.ts')
  return `http://127.0.0.1:${port}`
}

/** How long a page or the worker may take to show an outcome: generous, for a machine shared with other work. */
export const E2E_WAIT_MS = 60_000

export const E2E_ADMIN = {
  email: 'e2e-admin@webhookhub.local',
  password: 'e2e-admin-password',
  apiKey: 'e2e-admin-api-key-0123456789',
}
