// Publishes a run's events one after another, as fast as possible or paced to a delivery rate.
import { preciseNow } from './receiverProtocol'

export type PublishSpan = { startedAt: number; endedAt: number }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function publishAtRate(
  options: { events: number; deliveriesPerEvent: number; deliveriesPerSecond: number },
  publishOne: (index: number) => Promise<void>,
): Promise<PublishSpan> {
  const startedAt = preciseNow()
  const msPerEvent =
    options.deliveriesPerSecond > 0
      ? (options.deliveriesPerEvent / options.deliveriesPerSecond) * 1000
      : 0
  for (let index = 0; index < options.events; index += 1) {
    await publishOne(index)
    const due = startedAt + (index + 1) * msPerEvent
    if (msPerEvent > 0 && due > preciseNow()) await sleep(due - preciseNow())
  }
  return { startedAt, endedAt: preciseNow() }
}
