// Any change to a custom event type invalidates this process's cache of publishable type names.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { forgetCustomEventTypes } from '@/lib/events/knownEventTypes'

export const forgetCustomEventTypesAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  forgetCustomEventTypes()
  return doc
}

export const forgetCustomEventTypesAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  forgetCustomEventTypes()
  return doc
}
