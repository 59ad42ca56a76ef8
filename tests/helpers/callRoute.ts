// Calls a Next.js route handler directly with a real Request, as Next would.
type RouteHandler<Params> = (
  request: Request,
  context: { params: Promise<Params> },
) => Promise<Response>

// Tests read into the JSON freely; the shapes themselves are what they assert.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any

export async function callRoute<Params = Record<string, never>>(
  handler: RouteHandler<Params>,
  url: string,
  init: RequestInit & { params?: Params; apiKey?: string } = {},
): Promise<{ status: number; body: JsonBody }> {
  const headers = new Headers(init.headers)
  if (init.apiKey) headers.set('authorization', `Bearer ${init.apiKey}`)
  const request = new Request(new URL(url, 'http://hub.test'), { ...init, headers })
  const response = await handler(request, {
    params: Promise.resolve((init.params ?? {}) as Params),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}
