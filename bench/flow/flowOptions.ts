// The flow bench's command line: sizes, concurrency, rounds and where to write the JSON result.
import { parseArgs } from 'node:util'

export type FlowOptions = {
  callbacks: number
  connections: number
  rounds: number
  idleSamples: number
  idleGapMs: number
  publishEvents: number
  batchRequests: number
  batchSize: number
  listSeconds: number
  /** Callbacks stored while the worker is stopped, then drained beside a steady stream (0: skip). */
  backlog: number
  streamRate: number
  out?: string
  /** Writes the worker's and web process's V8 CPU profiles here (`npm run bench:profile -- <file>`). */
  profileDir?: string
  skipBuild: boolean
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer`)
  return value
}

export function readFlowOptions(argv = process.argv.slice(2)): FlowOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      callbacks: { type: 'string' },
      connections: { type: 'string' },
      rounds: { type: 'string' },
      'idle-samples': { type: 'string' },
      'idle-gap-ms': { type: 'string' },
      'publish-events': { type: 'string' },
      'batch-requests': { type: 'string' },
      'batch-size': { type: 'string' },
      'list-seconds': { type: 'string' },
      backlog: { type: 'string' },
      'stream-rate': { type: 'string' },
      out: { type: 'string' },
      'profile-dir': { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
    },
  })
  return {
    callbacks: positiveInteger('callbacks', values.callbacks, 3_000),
    connections: positiveInteger('connections', values.connections, 50),
    rounds: positiveInteger('rounds', values.rounds, 3),
    idleSamples: positiveInteger('idle-samples', values['idle-samples'], 50),
    idleGapMs: positiveInteger('idle-gap-ms', values['idle-gap-ms'], 100),
    publishEvents: positiveInteger('publish-events', values['publish-events'], 5_000),
    batchRequests: positiveInteger('batch-requests', values['batch-requests'], 5),
    batchSize: positiveInteger('batch-size', values['batch-size'], 1_000),
    listSeconds: positiveInteger('list-seconds', values['list-seconds'], 5),
    backlog: values.backlog === '0' ? 0 : positiveInteger('backlog', values.backlog, 10_000),
    streamRate: positiveInteger('stream-rate', values['stream-rate'], 100),
    out: values.out,
    profileDir: values['profile-dir'],
    skipBuild: values['skip-build'],
  }
}
