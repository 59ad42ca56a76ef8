// Runs a process-local side effect (forgetting a cache) once the write that caused it is visible to readers.
import type { BaseDatabaseAdapter, PayloadRequest } from 'payload'

type TransactionId = number | string

const pendingByTransaction = new Map<TransactionId, Array<() => void>>()

// A hook runs inside its operation's transaction: a cache forgotten there could be refilled from the
// snapshot before the commit and then hold the old rows. So the effect runs now and again after the end.
export function afterTransactionSettles(req: PayloadRequest, effect: () => void): void {
  effect()
  const id = req.transactionID
  if (typeof id !== 'string' && typeof id !== 'number') return
  const pending = pendingByTransaction.get(id)
  if (pending) pending.push(effect)
  else pendingByTransaction.set(id, [effect])
}

function settle(id: TransactionId): void {
  const pending = pendingByTransaction.get(id)
  pendingByTransaction.delete(id)
  for (const effect of pending ?? []) effect()
}

type EndTransaction = BaseDatabaseAdapter['commitTransaction']

function settlingAfter(end: EndTransaction): EndTransaction {
  return async (incomingId) => {
    const id = incomingId instanceof Promise ? await incomingId : incomingId
    try {
      await end(id)
    } finally {
      settle(id)
    }
  }
}

/** Wraps an adapter's commit and rollback so that effects registered for a transaction run after either. */
export function settleEffectsOnTransactionEnd<Adapter extends BaseDatabaseAdapter>(
  adapter: Adapter,
): Adapter {
  adapter.commitTransaction = settlingAfter(adapter.commitTransaction.bind(adapter))
  adapter.rollbackTransaction = settlingAfter(adapter.rollbackTransaction.bind(adapter))
  return adapter
}
