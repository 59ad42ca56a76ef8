// A changed or deleted source takes effect at once in this process (other processes within 5 s).
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { afterTransactionSettles } from '@/lib/payload/afterTransactionSettles'
import { forgetCustomSources } from '@/lib/inbound/customSourceCache'

export const forgetCachedSourcesAfterChange: CollectionAfterChangeHook = ({ doc, req }) => {
  afterTransactionSettles(req, forgetCustomSources)
  return doc
}

export const forgetCachedSourcesAfterDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  afterTransactionSettles(req, forgetCustomSources)
  return doc
}
