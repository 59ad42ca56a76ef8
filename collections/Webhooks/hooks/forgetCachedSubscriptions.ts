// Any change to a subscription invalidates this process's cache of active subscriptions.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { forgetActiveSubscriptions } from '@/lib/subscriptions/loadActiveSubscriptions'

export const forgetCachedSubscriptionsAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  forgetActiveSubscriptions()
  return doc
}

export const forgetCachedSubscriptionsAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  forgetActiveSubscriptions()
  return doc
}
