import { buildOpenApiDocument } from '@/lib/openapi/buildOpenApiDocument'

let document: ReturnType<typeof buildOpenApiDocument> | undefined

export function GET(): Response {
  document ??= buildOpenApiDocument()
  return Response.json(document)
}
