// `npm run listen -- [--port 4400] [--secret whsec_…] [--forward-to <url>]`
import { parseArgs } from 'node:util'

import { startDeliveryListener } from '@/lib/devtools/startDeliveryListener'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.LISTEN_PORT || '4400' },
    secret: { type: 'string', default: process.env.LISTEN_SECRET },
    'forward-to': { type: 'string' },
  },
})

const listener = await startDeliveryListener({
  port: Number(values.port),
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
})
console.log(
  `Listening for deliveries on ${listener.url} — subscribe this URL (ALLOW_PRIVATE_TARGETS=true)`,
)
if (!values.secret)
  console.log(
    'Pass --secret whsec_… (shown when you created the subscription) to check signatures.',
  )
if (values['forward-to']) console.log(`Forwarding verified deliveries to ${values['forward-to']}`)
