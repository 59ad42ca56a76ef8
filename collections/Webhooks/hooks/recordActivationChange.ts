// Enabling clears why a subscription was disabled; disabling by hand records that an operator did it.
import type { CollectionBeforeChangeHook } from 'payload'

export const recordActivationChange: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
}) => {
  if (operation !== 'update' || !originalDoc || data.active === undefined) return data
  if (originalDoc.active === false && data.active === true) {
    return { ...data, disabled_reason: null, disabled_at: null, failing_since: null }
  }
  if (originalDoc.active !== false && data.active === false && !data.disabled_reason) {
    return {
      ...data,
      disabled_reason: 'Disabled by an operator.',
      disabled_at: new Date().toISOString(),
    }
  }
  return data
}
