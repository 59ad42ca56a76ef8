// Jobs as SQLite rows: reading the jobs a batch touches into Payload's Job shape, and writing a batch's
// new and changed jobs back in two statements.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import type { JobChange } from '@/lib/jobs/computeJobUpdate'
import type { Job } from '@/payload-types'

type Client = SQLiteAdapter['client']
type Row = Record<string, unknown>

const JSON_COLUMNS = ['input', 'result', 'status_history'] as const

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : (value ?? null)
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value))
const numberOrNull = (value: unknown) =>
  value === null || value === undefined ? null : Number(value)

export function toJob(row: Row): Job {
  const job = {
    id: Number(row.id),
    provider: String(row.provider),
    external_id: text(row.external_id),
    endpoint: text(row.endpoint),
    job_type: text(row.job_type),
    priority: text(row.priority),
    machine_id: text(row.machine_id),
    worker_id: text(row.worker_id),
    status: row.status as Job['status'],
    progress: numberOrNull(row.progress),
    error_message: text(row.error_message),
    last_update_at: text(row.last_update_at),
    last_update_source: (row.last_update_source as Job['last_update_source']) ?? null,
    provider_updated_at: text(row.provider_updated_at),
    next_poll_at: text(row.next_poll_at),
    poll_attempts: numberOrNull(row.poll_attempts),
    updatedAt: String(row.updated_at),
    createdAt: String(row.created_at),
  } as Job
  for (const column of JSON_COLUMNS) job[column] = parseJson(row[column]) as never
  return job
}

/** Jobs a batch may touch: by our id, and by (provider, external id). */
export async function readJobs(
  client: Client,
  ids: number[],
  externalIds: string[],
): Promise<Job[]> {
  const result = await client.execute({
    sql: `SELECT * FROM jobs WHERE id IN (SELECT value FROM json_each(?))
      OR external_id IN (SELECT value FROM json_each(?))`,
    args: [JSON.stringify(ids), JSON.stringify(externalIds)],
  })
  return result.rows.map((row) => toJob(row as unknown as Row))
}

/** The first id free for new jobs; valid while this connection holds the write lock. */
export async function readNextJobId(client: Client): Promise<number> {
  const result = await client.execute('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM jobs')
  return Number(result.rows[0].next)
}

/** The job as it is once `change` applies: what the row will hold after the batch's write. */
export function applyChange(
  existing: Job | null,
  change: JobChange,
  id: number,
  nowIso: string,
): Job {
  return {
    ...(existing ?? {
      endpoint: null,
      job_type: null,
      priority: null,
      machine_id: null,
      worker_id: null,
      input: null,
      result: null,
      error_message: null,
      createdAt: nowIso,
    }),
    ...change,
    id,
    updatedAt: nowIso,
  } as Job
}

/** A job as one JSON row; JSON columns as text. Throws for a value JSON cannot hold. */
export function toJobRow(job: Job): Record<string, unknown> {
  return {
    id: Number(job.id),
    provider: job.provider,
    external_id: job.external_id ?? null,
    status: job.status,
    progress: job.progress ?? null,
    result: job.result === null || job.result === undefined ? null : JSON.stringify(job.result),
    error_message: job.error_message ?? null,
    status_history: JSON.stringify(job.status_history ?? []),
    provider_updated_at: job.provider_updated_at ?? null,
    last_update_at: job.last_update_at ?? null,
    last_update_source: job.last_update_source ?? null,
    next_poll_at: job.next_poll_at ?? null,
    poll_attempts: job.poll_attempts ?? 0,
    updated_at: job.updatedAt,
    created_at: job.createdAt,
  }
}

const COLUMNS = `provider, external_id, status, progress, result, error_message, status_history,
  provider_updated_at, last_update_at, last_update_source, next_poll_at, poll_attempts, updated_at`
const VALUES = `value ->> 'provider', value ->> 'external_id', value ->> 'status', value ->> 'progress',
  value ->> 'result', value ->> 'error_message', value ->> 'status_history',
  value ->> 'provider_updated_at', value ->> 'last_update_at', value ->> 'last_update_source',
  value ->> 'next_poll_at', value ->> 'poll_attempts', value ->> 'updated_at'`

export function buildJobInsert(rows: Record<string, unknown>[]) {
  return {
    sql: `INSERT INTO jobs (id, ${COLUMNS}, created_at)
      SELECT value ->> 'id', ${VALUES}, value ->> 'created_at' FROM json_each(?)`,
    args: [JSON.stringify(rows)],
  }
}

export function buildJobUpdate(rows: Record<string, unknown>[]) {
  return {
    sql: `UPDATE jobs AS j SET (${COLUMNS}) = (${VALUES.replaceAll('value', 'c.value')})
      FROM json_each(?) AS c WHERE j.id = c.value ->> 'id'`,
    args: [JSON.stringify(rows)],
  }
}
