// A changed or deleted source takes effect at once in this process (other processes within 5 s).
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { forgetCustomSources } from '@/lib/inbound/customSourceCache'

export const forgetCachedSourcesAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  forgetCustomSources()
  return doc
}

export const forgetCachedSourcesAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  forgetCustomSources()
  return doc
}
