// Seed 001's "Webhook registered" line, for subscriptions created by any path (API, admin, REST).
import type { CollectionAfterChangeHook } from 'payload'

import { logWebhookRegistered } from '@/lib/logging/webhookActivityLog'

export const logRegistration: CollectionAfterChangeHook = ({ doc, operation }) => {
  if (operation === 'create') logWebhookRegistered(String(doc.id), doc.url)
  return doc
}
