// Where the end-to-end suite runs the built app, and the admin it seeds.
export const E2E_PORT = 3100
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`
export const E2E_ADMIN = {
  email: 'e2e-admin@webhookhub.local',
  password: 'e2e-admin-password',
  apiKey: 'e2e-admin-api-key-0123456789',
}
