// Child process: the subscriber's endpoint on 127.0.0.1, answering 200 and counting what arrives.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { preciseNow, type ReceiverCommand, type ReceiverReport } from './receiverProtocol'

const send = (report: ReceiverReport) => process.send?.(report)

let target = Number.POSITIVE_INFINITY
let count = 0
let firstAt = 0
let lastAt = 0
let seen = new Set<string>()
let watching = false

function record(key: string) {
  const at = preciseNow()
  if (count === 0) firstAt = at
  lastAt = at
  count += 1
  seen.add(key)
  if (watching) send({ type: 'arrival', key, at })
  if (count === target) {
    send({ type: 'reached', count, unique: seen.size, firstAt, lastAt })
  }
}

const server = createServer((request, response) => {
  // Dedupe on what identifies one delivery: the event and the subscription it goes to.
  const key = `${request.headers['x-event-id']}/${request.headers['x-webhook-id']}`
  request.resume()
  request.on('end', () => {
    record(key)
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{"ok":true}')
  })
})
server.keepAliveTimeout = 30_000

process.on('message', (command: ReceiverCommand) => {
  if (command.type === 'expect') {
    target = command.count
    count = 0
    firstAt = 0
    lastAt = 0
    seen = new Set()
  } else {
    watching = command.enabled
  }
})
process.on('disconnect', () => process.exit(0))

server.listen(0, '127.0.0.1', () => {
  send({ type: 'listening', port: (server.address() as AddressInfo).port })
})
