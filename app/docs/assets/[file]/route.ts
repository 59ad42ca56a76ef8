// Serves the API reference renderer's bundle from node_modules; only names on the allow-list are served.
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const ASSETS: Record<string, { file: string; type: string }> = {
  'scalar-standalone.js': {
    file: 'node_modules/@scalar/api-reference/dist/browser/standalone.js',
    type: 'text/javascript; charset=utf-8',
  },
}

const cache = new Map<string, Buffer>()

export async function GET(
  _request: Request,
  context: { params: Promise<{ file: string }> },
): Promise<Response> {
  const asset = ASSETS[(await context.params).file]
  if (!asset)
    return Response.json(
      { error: { code: 'not_found', message: 'No such asset' } },
      { status: 404 },
    )
  let body = cache.get(asset.file)
  if (!body) {
    body = await readFile(path.join(process.cwd(), asset.file))
    cache.set(asset.file, body)
  }
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' },
  })
}
