// `npm run listen -- [--port 4400] [--secret whsec_…] [--forward-to <url>]`
import { parseArgs } from 'node:util'

import { startDeliveryListener } from '@/lib/devtools/startDeliveryListener'

const HELP = `Usage: npm run listen -- [options]

A local receiver for the hub's deliveries: checks each signature, prints the delivery, and can forward it.

Options:
  --port <n>           Port to listen on, on 127.0.0.1 (default: LISTEN_PORT, or 4400)
  --secret <whsec_…>   The subscription's secret, to check signatures (default: LISTEN_SECRET)
  --forward-to <url>   Forward each delivery, unchanged, to this URL (not those with a bad signature)
  -h, --help           Show this help`

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.LISTEN_PORT || '4400' },
    secret: { type: 'string', default: process.env.LISTEN_SECRET },
    'forward-to': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (values.help) {
  console.log(HELP)
  process.exit(0)
}

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`npm run listen: --port must be a port number (0–65535), not "${values.port}"`)
  process.exit(1)
}

const listener = await startDeliveryListener({
  port,
  secret: values.secret ?? null,
  forwardTo: values['forward-to'] ?? null,
  onDelivery(delivery) {
    const mark = delivery.verified === false ? '✗' : delivery.verified ? '✓' : '•'
    console.log(
      `${new Date().toISOString()} ${mark} ${delivery.eventType} ${delivery.eventId} — ${delivery.verdict}`,
    )
    if (delivery.forwardedStatus !== null)
      console.log(`    forwarded → ${delivery.forwardedStatus}`)
    console.log(`    ${delivery.body.slice(0, 500)}`)
  },
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error
  console.error(`npm run listen: port ${port} is in use; pass --port <n> or set LISTEN_PORT`)
  process.exit(1)
})
console.log(
  `Listening for deliveries on ${listener.url} — subscribe this URL (ALLOW_PRIVATE_TARGETS=true)`,
)
if (!values.secret)
  console.log(
    'Pass --secret whsec_… (shown when you created the subscription) to check signatures.',
  )
if (values['forward-to']) console.log(`Forwarding verified deliveries to ${values['forward-to']}`)
