// The readable API reference: Scalar's standalone renderer, served locally (no CDN), over the same OpenAPI
// document /api/v1/openapi.json serves (embedded, so the page needs no second request).
import { buildOpenApiDocument } from '@/lib/openapi/buildOpenApiDocument'

export const dynamic = 'force-static'

// `<` escaped so that no string in the document can close the script element.
const embeddedDocument = JSON.stringify(buildOpenApiDocument()).replace(/</g, '\\u003c')

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Webhook Hub API reference</title>
  </head>
  <body>
    <script id="api-reference" type="application/json">${embeddedDocument}</script>
    <script>
      document.getElementById('api-reference').dataset.configuration = JSON.stringify({
        withDefaultFonts: false,
        hideClientButton: true,
        telemetry: false,
      })
    </script>
    <script src="/docs/assets/scalar-standalone.js"></script>
  </body>
</html>`

export function GET(): Response {
  return new Response(PAGE, { headers: { 'content-type': 'text/html; charset=utf-8' } })
}
