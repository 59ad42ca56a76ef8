// Polls a condition until it holds, for outcomes that another process or loop produces.
export async function waitFor<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  let last: T = await read()
  while (!isDone(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${options.what ?? 'condition'}; last: ${JSON.stringify(last)}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25))
    last = await read()
  }
  return last
}
