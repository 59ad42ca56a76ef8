import { defineConfig } from '@playwright/test'

import { findFreePort } from './lib/process/findFreePort'
import { E2E_ADMIN, e2eBaseUrl } from './tests/e2e/e2eSettings'

// A free port rather than a fixed one, which another suite or app on the machine may hold. Chosen once:
// each worker loads this file again and must find the main process's choice, which it inherits.
process.env.E2E_PORT ||= String(await findFreePort())

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // Generous, so that only a hang fails by time: beside other work one test took 56 s of a former 60 s.
  timeout: 240_000,
  expect: { timeout: 20_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: e2eBaseUrl(),
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'rm -f data/e2e.db* && npm run build && npm run seed && npm start',
    url: `${e2eBaseUrl()}/api/v1/health`,
    // Builds the app first, which alone took about 3 minutes at a load average of 6.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: process.env.E2E_PORT,
      DATABASE_URL: 'file:./data/e2e.db',
      PAYLOAD_SECRET: 'e2e-payload-secret-0123456789abcdef',
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      ADMIN_API_KEY: E2E_ADMIN.apiKey,
      ALLOW_PRIVATE_TARGETS: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
})
