// Child process: a 200 receiver that records when each job's delivery first arrived, keyed by job id.
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { preciseNow } from '../outbound/receiverProtocol'

export type ArrivalCommand =
  | { type: 'count'; prefix: string }
  | { type: 'arrival'; key: string }
  | { type: 'dump'; prefix: string; file: string }

export type ArrivalReport =
  | { type: 'listening'; port: number }
  | { type: 'count'; unique: number; requests: number; unreadable: number }
  | { type: 'arrival'; at: number | null }
  | { type: 'dumped' }

type DeliveryBody = { data?: { external_job_id?: unknown; job_id?: unknown } }

const send = (report: ArrivalReport) => process.send?.(report)
const firstArrival = new Map<string, number>()
const requestsPerKey = new Map<string, number>()
let unreadable = 0

/** Fal jobs carry the callback's request id as external_job_id; published events only a job_id. */
function readKey(body: string): string | null {
  try {
    const data = (JSON.parse(body) as DeliveryBody).data
    const key = data?.external_job_id ?? data?.job_id
    return typeof key === 'string' ? key : null
  } catch {
    return null
  }
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const at = preciseNow()
    const key = readKey(Buffer.concat(chunks).toString('utf8'))
    if (key === null) unreadable += 1
    else {
      if (!firstArrival.has(key)) firstArrival.set(key, at)
      requestsPerKey.set(key, (requestsPerKey.get(key) ?? 0) + 1)
    }
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{"ok":true}')
  })
})
server.keepAliveTimeout = 30_000

function keysWithPrefix(prefix: string): string[] {
  return [...firstArrival.keys()].filter((key) => key.startsWith(prefix))
}

process.on('message', (command: ArrivalCommand) => {
  if (command.type === 'count') {
    const keys = keysWithPrefix(command.prefix)
    const requests = keys.reduce((sum, key) => sum + (requestsPerKey.get(key) ?? 0), 0)
    send({ type: 'count', unique: keys.length, requests, unreadable })
  } else if (command.type === 'arrival') {
    send({ type: 'arrival', at: firstArrival.get(command.key) ?? null })
  } else {
    const arrivals = keysWithPrefix(command.prefix).map((key) => [key, firstArrival.get(key)])
    writeFileSync(command.file, JSON.stringify(Object.fromEntries(arrivals)))
    send({ type: 'dumped' })
  }
})
process.on('disconnect', () => process.exit(0))

server.listen(0, '127.0.0.1', () => {
  send({ type: 'listening', port: (server.address() as AddressInfo).port })
})
