// Finds the generated files in a completed job's normalized result, wherever its provider puts them:
// fal `images[]`/`image`/`video`/`videos[]` (seed 004's result too), ComfyDeploy's collected `images[]`,
// Last Frame's `output_url` + `duration`, Replicate's `output` URL or URL list. OpenAI returns images
// as base64 inside the response output, not as URLs, so it yields none.
import type { MediaType } from './mediaTypes'

export type GeneratedMedia = {
  url: string
  media_type: MediaType
  width: number | null
  height: number | null
  duration: number | null
}

const IMAGE_EXTENSION = /\.(png|jpe?g|gif|webp|avif|bmp|tiff?)$/i
const VIDEO_EXTENSION = /\.(mp4|webm|mov|m4v|mkv|avi)$/i

type JsonObject = Record<string, unknown>

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}

function readHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : null
  } catch {
    return null
  }
}

/** The content type decides first, then the file extension, then where the provider put the file. */
function classify(url: string, contentType: unknown, hint: MediaType | null): MediaType | null {
  if (typeof contentType === 'string') {
    if (contentType.startsWith('image/')) return 'generated-image'
    if (contentType.startsWith('video/')) return 'generated-video'
    if (contentType.includes('/')) return null
  }
  const path = new URL(url).pathname
  if (IMAGE_EXTENSION.test(path)) return 'generated-image'
  if (VIDEO_EXTENSION.test(path)) return 'generated-video'
  return hint
}

function fromFile(value: unknown, hint: MediaType | null): GeneratedMedia[] {
  const file = isRecord(value) ? value : { url: value }
  const url = readHttpUrl(file.url)
  if (!url) return []
  const mediaType = classify(url, file.content_type, hint)
  if (!mediaType) return []
  return [
    {
      url,
      media_type: mediaType,
      width: readNumber(file.width),
      height: readNumber(file.height),
      duration: readNumber(file.duration),
    },
  ]
}

function fromList(value: unknown, hint: MediaType | null): GeneratedMedia[] {
  return Array.isArray(value) ? value.flatMap((item) => fromFile(item, hint)) : []
}

function fromResultObject(result: JsonObject): GeneratedMedia[] {
  return [
    ...fromList(result.images, 'generated-image'),
    ...(result.image === undefined ? [] : fromFile(result.image, 'generated-image')),
    ...fromList(result.videos, 'generated-video'),
    ...(result.video === undefined ? [] : fromFile(result.video, 'generated-video')),
    ...(result.output_url === undefined
      ? []
      : fromFile({ url: result.output_url, duration: result.duration }, 'generated-video')),
  ]
}

export function extractGeneratedMedia(result: unknown): GeneratedMedia[] {
  const found = Array.isArray(result)
    ? fromList(result, null)
    : isRecord(result)
      ? fromResultObject(result)
      : fromFile(result, null)
  const byUrl = new Map<string, GeneratedMedia>()
  for (const media of found) if (!byUrl.has(media.url)) byUrl.set(media.url, media)
  return [...byUrl.values()]
}
