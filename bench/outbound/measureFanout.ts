// One event to N matching subscriptions: publishEvent timed with the subscription cache cold and warm.
import { publishEvent } from '@/lib/events/publishEvent'
import { getPayloadClient } from '@/lib/payload/getPayloadClient'
import { runMigrations } from '@/lib/payload/runMigrations'
import { THROUGHPUT_EVENT_TYPE, benchJobData } from './benchEvents'
import { preciseNow } from './receiverProtocol'
import { seedSubscriptions } from './seedSubscriptions'

/** loadActiveSubscriptions keeps its list for 1 s; waiting longer makes the next publish cold again. */
const CACHE_EXPIRY_WAIT_MS = 1_100

export type FanoutResult = {
  subscriptions: number
  seedMs: number
  /** The process's first publish: cold cache and cold code. */
  firstMs: number
  coldMs: number[]
  warmMs: number[]
  /** The process's peak resident memory (getrusage maxrss), seeding included. */
  peakRssMb: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function measureFanout(subscriptions: number, repetitions: number) {
  const payload = await getPayloadClient()
  await runMigrations(payload)
  const seedStarted = preciseNow()
  // Nothing is delivered here (no worker runs), so the URL only has to be well formed.
  await seedSubscriptions(payload, {
    count: subscriptions,
    eventTypes: [THROUGHPUT_EVENT_TYPE],
    url: (index) => `http://127.0.0.1:9/fanout/${index}`,
    label: 'fanout',
  })
  const seedMs = preciseNow() - seedStarted

  let published = 0
  const timePublish = async () => {
    const started = preciseNow()
    const result = await publishEvent(payload, {
      event_type: THROUGHPUT_EVENT_TYPE,
      data: benchJobData('fanout', published),
    })
    const elapsed = preciseNow() - started
    published += 1
    if (result.deliveries_created !== subscriptions) {
      throw new Error(`expected ${subscriptions} deliveries, got ${result.deliveries_created}`)
    }
    return elapsed
  }

  const firstMs = await timePublish()
  const coldMs: number[] = []
  const warmMs: number[] = []
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    await sleep(CACHE_EXPIRY_WAIT_MS)
    coldMs.push(await timePublish())
    warmMs.push(await timePublish())
  }
  await payload.destroy()
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  const result: FanoutResult = { subscriptions, seedMs, firstMs, coldMs, warmMs, peakRssMb }
  return result
}
