// Picks the media store for a Payload instance: the SQLite store on its store thread when the process has
// one, otherwise the Local API store.
import type { Payload } from 'payload'

import { storeThreadOf } from '@/lib/storeThread/storeThreadRegistry'
import type { MediaStore } from './mediaStore'
import { createPayloadMediaStore } from './payloadMediaStore'

export function getMediaStore(payload: Payload): MediaStore {
  return storeThreadOf(payload)?.media ?? createPayloadMediaStore(payload)
}
