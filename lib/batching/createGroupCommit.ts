// Group commit: concurrent callers' writes share one transaction; each caller resolves when its batch commits.
export type GroupCommit<Item, Result> = { submit(item: Item): Promise<Result> }

type Pending<Item, Result> = {
  item: Item
  resolve: (result: Result) => void
  reject: (error: unknown) => void
}

export function createGroupCommit<Item, Result>(
  flush: (items: Item[]) => Promise<Result[]>,
  options: { maxBatch: number },
): GroupCommit<Item, Result> {
  let queue: Pending<Item, Result>[] = []
  let flushing = false

  const flushNext = async (): Promise<void> => {
    if (flushing || queue.length === 0) return
    flushing = true
    const batch = queue.slice(0, options.maxBatch)
    queue = queue.slice(batch.length)
    try {
      const results = await flush(batch.map((pending) => pending.item))
      batch.forEach((pending, index) => pending.resolve(results[index]))
    } catch (error) {
      for (const pending of batch) pending.reject(error)
    } finally {
      flushing = false
      if (queue.length > 0) void flushNext()
    }
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject })
        // One tick lets requests arriving together join the same transaction.
        if (!flushing && queue.length === 1) setImmediate(() => void flushNext())
      })
    },
  }
}
