// Any change to a subscription invalidates this process's cache of active subscriptions.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { afterTransactionSettles } from '@/lib/payload/afterTransactionSettles'
import { forgetActiveSubscriptions } from '@/lib/subscriptions/loadActiveSubscriptions'

export const forgetCachedSubscriptionsAfterChange: CollectionAfterChangeHook = ({ doc, req }) => {
  afterTransactionSettles(req, forgetActiveSubscriptions)
  return doc
}

export const forgetCachedSubscriptionsAfterDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  afterTransactionSettles(req, forgetActiveSubscriptions)
  return doc
}
