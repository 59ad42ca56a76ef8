// Any change to a custom event type invalidates this process's cache of publishable type names.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { afterTransactionSettles } from '@/lib/payload/afterTransactionSettles'
import { forgetCustomEventTypes } from '@/lib/events/knownEventTypes'

export const forgetCustomEventTypesAfterChange: CollectionAfterChangeHook = ({ doc, req }) => {
  afterTransactionSettles(req, forgetCustomEventTypes)
  return doc
}

export const forgetCustomEventTypesAfterDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  afterTransactionSettles(req, forgetCustomEventTypes)
  return doc
}
