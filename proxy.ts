// Next's own front door (`next dev`, `next start`): refuses malformed request targets as scripts/web.ts
// does before Next, so dev answers them with the same 400 JSON instead of a route's 500.
import { NextResponse, type NextRequest } from 'next/server'

import { respondError } from '@/lib/api/respond'
import { findRequestTargetProblem } from '@/lib/web/findRequestTargetProblem'

export function proxy(request: NextRequest): Response {
  const problem = findRequestTargetProblem(
    request.nextUrl.pathname,
    request.headers.get('host') ?? undefined,
  )
  return problem ? respondError(problem) : NextResponse.next()
}
