// Sends exact request bytes over a socket (paths and Host headers no HTTP client would send) and reads
// the one answer, or reports that the server closed without one.
import { connect } from 'node:net'

// Tests read into the JSON freely; the shapes themselves are what they assert.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any

export type RawAnswer =
  | { answered: true; status: number; headers: Record<string, string>; body: JsonBody }
  | { answered: false }

function parseAnswer(text: string): RawAnswer {
  const split = text.indexOf('\r\n\r\n')
  if (split < 0) return { answered: false }
  const [statusLine, ...headerLines] = text.slice(0, split).split('\r\n')
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':')
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]
    }),
  )
  const rawBody = text.slice(split + 4)
  let body: JsonBody = rawBody
  try {
    body = JSON.parse(rawBody)
  } catch {
    // Not JSON: the test sees the text.
  }
  return { answered: true, status: Number(statusLine!.split(' ')[1]), headers, body }
}

/**
 * `head` is the request line and headers without the blank line; `connection: close` is added.
 * `localAddress` picks the client's own loopback address (any of 127.0.0.0/8 on Linux).
 */
export function sendRawHttp(
  port: number,
  head: string,
  body = '',
  options: { localAddress?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: options.localAddress }, () => {
      socket.end(
        `${head}\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      )
    })
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks).toString('utf8'))))
    socket.on('error', reject)
  })
}
