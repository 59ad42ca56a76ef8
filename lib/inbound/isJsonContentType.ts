// Whether a callback's Content-Type is one the hub can read as JSON. Every built-in provider documents
// `application/json` (PROVIDERS.md); custom sources may also use a structured `+json` type (CloudEvents
// and the like). The hub decodes bodies as UTF-8, so any other declared charset is refused too.
const JSON_MEDIA_TYPE = /^application\/(?:json|[a-z0-9!#$&^_.-]+\+json)$/

export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false
  const [mediaType, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase())
  if (!JSON_MEDIA_TYPE.test(mediaType!)) return false
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=').map((part) => part.trim())
    return name !== 'charset' || value?.replace(/"/g, '') === 'utf-8'
  })
}
