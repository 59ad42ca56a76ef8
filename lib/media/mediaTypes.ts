// The kinds of generated media the hub records, named as seed 004 names them.
export const MEDIA_TYPES = ['generated-image', 'generated-video'] as const
export type MediaType = (typeof MEDIA_TYPES)[number]
