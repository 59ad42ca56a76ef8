// `npm run tunnel`: opens an ngrok tunnel to the local hub, starts the hub in development mode with
// WEBHOOK_BASE_URL set to the tunnel, and prints each provider's callback URL.
import { spawn } from 'node:child_process'

import ngrok from '@ngrok/ngrok'

import {
  buildProviderCallbackUrls,
  NGROK_TOKEN_HELP,
} from '@/lib/devtools/buildProviderCallbackUrls'

const authtoken = process.env.NGROK_AUTHTOKEN
if (!authtoken) {
  console.error(NGROK_TOKEN_HELP)
  process.exit(1)
}

const port = Number(process.env.PORT || 3000)
const listener = await ngrok.forward({
  addr: port,
  authtoken,
  ...(process.env.NGROK_DOMAIN ? { domain: process.env.NGROK_DOMAIN } : {}),
})
const publicUrl = listener.url()
if (!publicUrl) throw new Error('ngrok opened no URL')

console.log(`\n[tunnel] ${publicUrl} → http://localhost:${port}\n`)
for (const entry of buildProviderCallbackUrls(publicUrl)) {
  console.log(`  ${entry.provider.padEnd(12)} ${entry.url}\n  ${''.padEnd(12)} (${entry.note})`)
}
console.log('')

const hub = spawn('node_modules/.bin/tsx', ['scripts/start.ts', 'dev'], {
  stdio: 'inherit',
  env: { ...process.env, WEBHOOK_BASE_URL: publicUrl, PORT: String(port) },
})
const stop = async () => {
  hub.kill('SIGTERM')
  await ngrok.disconnect()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
hub.on('exit', async (code) => {
  await ngrok.disconnect()
  process.exit(code ?? 0)
})
