// The kinds of new work a process can signal to the workers on its host, one byte each on the wire.
export const WAKE_LANES = { delivery: 'd', inbound: 'i' } as const

export type WakeLane = keyof typeof WAKE_LANES

export function laneOfDatagram(message: Buffer): WakeLane | null {
  const byte = message.toString('latin1', 0, 1)
  if (byte === WAKE_LANES.delivery) return 'delivery'
  if (byte === WAKE_LANES.inbound) return 'inbound'
  return null
}
