// Command-line options every chaos scenario accepts: the size, where to write the JSON result, the seed.
import { parseArgs } from 'node:util'

export type ChaosSize = 'ci' | 'full'

export type ChaosOptions = { size: ChaosSize; out?: string; seed: number }

export function readChaosOptions(argv = process.argv.slice(2)): ChaosOptions {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      size: { type: 'string', default: 'ci' },
      out: { type: 'string' },
      seed: { type: 'string' },
    },
  })
  const size = values.size === 'full' ? 'full' : 'ci'
  const seed = typeof values.seed === 'string' ? Number(values.seed) : Date.now() % 2 ** 31
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`)
  return { size, out: typeof values.out === 'string' ? values.out : undefined, seed }
}

/** Picks the figure for the chosen size: reduced for CI, the issue's own numbers by hand. */
export function bySize<T>(size: ChaosSize, sizes: { ci: T; full: T }): T {
  return sizes[size]
}
