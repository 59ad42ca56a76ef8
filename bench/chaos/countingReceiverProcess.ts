// Child process: a 200 receiver that counts every request per delivery (webhook-id + subscription id).
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type CountingCommand = { type: 'tally' } | { type: 'dump'; file: string }

export type CountingReport =
  | { type: 'listening'; port: number }
  | { type: 'tally'; requests: number; unique: number }
  | { type: 'dumped' }

const send = (report: CountingReport) => process.send?.(report)
const counts = new Map<string, number>()
let requests = 0

const server = createServer((request, response) => {
  // webhook-id is the event's message id, shared by its deliveries to every subscription.
  const key = `${request.headers['webhook-id']}/${request.headers['x-webhook-id']}`
  request.resume()
  request.on('end', () => {
    requests += 1
    counts.set(key, (counts.get(key) ?? 0) + 1)
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{"ok":true}')
  })
})
server.keepAliveTimeout = 30_000

process.on('message', (command: CountingCommand) => {
  if (command.type === 'tally') {
    send({ type: 'tally', requests, unique: counts.size })
  } else {
    writeFileSync(command.file, JSON.stringify(Object.fromEntries(counts)))
    send({ type: 'dumped' })
  }
})
process.on('disconnect', () => process.exit(0))

server.listen(0, '127.0.0.1', () => {
  send({ type: 'listening', port: (server.address() as AddressInfo).port })
})
