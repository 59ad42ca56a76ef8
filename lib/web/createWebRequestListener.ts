// The production web process's request listener: malformed targets refused, the hot paths answered by
// node:http (routeFastPath), everything else handed to Next.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

import { respondError } from '@/lib/api/respond'
import { findRequestTargetProblem } from './findRequestTargetProblem'
import { routeFastPath } from './routeFastPath'

type NextRequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>

async function answerProblem(response: ServerResponse, problem: Response): Promise<void> {
  const body = Buffer.from(await problem.arrayBuffer())
  // The body, if any, is left unread: the connection cannot carry another request.
  response.writeHead(problem.status, {
    'content-type': 'application/json',
    'content-length': String(body.length),
    connection: 'close',
  })
  response.end(body)
}

export function createWebRequestListener(handleWithNext: NextRequestHandler): RequestListener {
  return (request, response) => {
    const problem = findRequestTargetProblem(request.url ?? '/', request.headers.host)
    if (problem) return void answerProblem(response, respondError(problem))
    if (!routeFastPath(request, response)) void handleWithNext(request, response)
  }
}
