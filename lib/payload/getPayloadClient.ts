// One Payload instance per process, shared by route handlers, the worker and scripts.
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

export function getPayloadClient(): Promise<Payload> {
  return getPayload({ config })
}
