// Sends one request exactly as built (repeated headers, raw bytes, chunked or not) and reports its fate.
import { request, type Agent } from 'node:http'

export type RawOutcome = {
  status: number | null
  error: string | null
  contentType?: string | null
}

export function sendRawRequest(
  agent: Agent,
  baseUrl: string,
  fuzz: {
    method: string
    path: string
    headers: Record<string, string | string[]>
    body: Buffer
    chunked: boolean
  },
  timeoutMs: number,
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (outcome: RawOutcome) => {
      if (!settled) resolve(outcome)
      settled = true
    }
    const headers = fuzz.chunked
      ? fuzz.headers
      : { ...fuzz.headers, 'content-length': String(fuzz.body.length) }
    let outgoing
    try {
      outgoing = request(`${baseUrl}${fuzz.path}`, { method: fuzz.method, headers, agent })
    } catch (error) {
      // Node refuses to send some malformed requests at all: not the server's doing.
      return settle({ status: -1, error: `client refused: ${(error as Error).message}` })
    }
    outgoing.setTimeout(timeoutMs, () => {
      outgoing.destroy(new Error('timeout'))
    })
    outgoing.on('response', (response) => {
      response.resume()
      const contentType = response.headers['content-type'] ?? null
      response.on('end', () =>
        settle({ status: response.statusCode ?? null, error: null, contentType }),
      )
      response.on('error', (error) =>
        settle({ status: response.statusCode ?? null, error: error.message }),
      )
    })
    outgoing.on('error', (error) =>
      settle({ status: null, error: (error as { code?: string }).code ?? error.message }),
    )
    if (fuzz.chunked) {
      for (let offset = 0; offset < fuzz.body.length; offset += 16_384) {
        outgoing.write(fuzz.body.subarray(offset, offset + 16_384))
      }
      outgoing.end()
    } else {
      outgoing.end(fuzz.body)
    }
  })
}
