// Polls a condition until it holds or a deadline passes; scenarios wait on receivers and databases.
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  options: { timeoutMs: number; intervalMs?: number; what: string },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs
  for (;;) {
    if (await check()) return true
    if (Date.now() > deadline) {
      console.error(`[chaos] gave up waiting for ${options.what} after ${options.timeoutMs} ms`)
      return false
    }
    await sleep(options.intervalMs ?? 100)
  }
}
