// A receiver on 127.0.0.1 for the admin tests, whose answer the test switches between failing and healthy.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export async function startE2eReceiver() {
  let status = 500
  const received: string[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push(Buffer.concat(chunks).toString('utf8'))
      res.writeHead(status, { 'content-type': 'text/plain' })
      res.end(status < 300 ? 'thanks' : 'receiver is down')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    answerWith(next: number) {
      status = next
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
