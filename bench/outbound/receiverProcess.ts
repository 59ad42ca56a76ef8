// Child process: the subscriber's endpoint on 127.0.0.1. Answers 200 (or 500 to a set share of first
// attempts), counts distinct deliveries, and times each from its creation stamp to its arrival.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { preciseNow, type ReceiverCommand, type ReceiverReport } from './receiverProtocol'
import { percentile } from './statistics'

const send = (report: ReceiverReport) => process.send?.(report)
const CREATED_AT = /"timestamp":(\d+)/

let target = Number.POSITIVE_INFINITY
let failEvery = 0
let count = 0
let failed = 0
let firstAt = 0
let lastAt = 0
let attempted = new Set<string>()
let delivered = new Set<string>()
let latencies: number[] = []
let watching = false

/** Deterministic: every failEvery-th distinct delivery to arrive fails its first attempt. */
function shouldFail(key: string): boolean {
  if (failEvery === 0 || attempted.has(key)) return false
  attempted.add(key)
  if (attempted.size % failEvery !== 0) return false
  failed += 1
  return true
}

function record(key: string, body: string) {
  const at = preciseNow()
  if (count === 0) firstAt = at
  lastAt = at
  count += 1
  if (!delivered.has(key)) {
    delivered.add(key)
    const createdAt = CREATED_AT.exec(body)
    if (createdAt) latencies.push(at - Number(createdAt[1]))
  }
  if (watching) send({ type: 'arrival', key, at })
  if (delivered.size === target) reportReached()
}

function reportReached() {
  target = Number.POSITIVE_INFINITY
  const latencyMs = {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: Math.max(...latencies),
  }
  send({ type: 'reached', count, unique: delivered.size, failed, firstAt, lastAt, latencyMs })
}

const server = createServer((request, response) => {
  // One delivery is identified by its event and the subscription it goes to.
  const key = `${request.headers['x-event-id']}/${request.headers['x-webhook-id']}`
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const fail = shouldFail(key)
    if (!fail) record(key, Buffer.concat(chunks).toString('utf8'))
    response.writeHead(fail ? 500 : 200, { 'content-type': 'application/json' })
    response.end(fail ? '{"ok":false}' : '{"ok":true}')
  })
})
server.keepAliveTimeout = 30_000

process.on('message', (command: ReceiverCommand) => {
  if (command.type === 'expect') {
    target = command.count
    failEvery = command.failFraction > 0 ? Math.round(1 / command.failFraction) : 0
    count = 0
    failed = 0
    firstAt = 0
    lastAt = 0
    attempted = new Set()
    delivered = new Set()
    latencies = []
  } else {
    watching = command.enabled
  }
})
process.on('disconnect', () => process.exit(0))

server.listen(0, '127.0.0.1', () => {
  send({ type: 'listening', port: (server.address() as AddressInfo).port })
})
