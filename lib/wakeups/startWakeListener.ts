// A worker's wake-up inbox: a UDP socket on 127.0.0.1 (loopback only) that turns a datagram from a
// process on the same host into a nudge of the matching loop, so new work starts within milliseconds of
// its commit instead of at the next poll. Losing a datagram costs one poll interval, nothing more.
import { createSocket } from 'node:dgram'

import { laneOfDatagram, type WakeLane } from './wakeLanes'

export type WakeListener = { port: number; close(): Promise<void> }

export function startWakeListener(onWake: (lane: WakeLane) => void): Promise<WakeListener> {
  const socket = createSocket('udp4')
  socket.on('message', (message) => {
    const lane = laneOfDatagram(message)
    if (lane) onWake(lane)
  })
  socket.on('error', (error) => console.error('[worker] wake-up socket failed', error))
  return new Promise((resolve, reject) => {
    socket.once('error', reject)
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject)
      resolve({
        port: socket.address().port,
        close: () => new Promise<void>((done) => socket.close(() => done())),
      })
    })
  })
}
