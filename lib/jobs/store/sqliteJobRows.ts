// Jobs as SQLite rows: reading them into Payload's Job shape and writing an applied change back.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import type { JobChange } from '@/lib/jobs/computeJobUpdate'
import type { Job } from '@/payload-types'

type Client = SQLiteAdapter['client']
type Row = Record<string, unknown>

const JSON_COLUMNS = ['input', 'result', 'status_history'] as const

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : (value ?? null)
}

export function toJob(row: Row): Job {
  const job = {
    id: Number(row.id),
    provider: String(row.provider),
    external_id: (row.external_id as string | null) ?? null,
    endpoint: (row.endpoint as string | null) ?? null,
    job_type: (row.job_type as string | null) ?? null,
    priority: (row.priority as string | null) ?? null,
    machine_id: (row.machine_id as string | null) ?? null,
    worker_id: (row.worker_id as string | null) ?? null,
    status: row.status as Job['status'],
    progress: row.progress === null ? null : Number(row.progress),
    error_message: (row.error_message as string | null) ?? null,
    last_update_at: (row.last_update_at as string | null) ?? null,
    last_update_source: (row.last_update_source as Job['last_update_source']) ?? null,
    provider_updated_at: (row.provider_updated_at as string | null) ?? null,
    next_poll_at: (row.next_poll_at as string | null) ?? null,
    poll_attempts: row.poll_attempts === null ? null : Number(row.poll_attempts),
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

function changeValues(change: JobChange) {
  return [
    change.provider,
    change.external_id ?? null,
    change.status,
    change.progress ?? null,
    change.result === undefined ? null : JSON.stringify(change.result),
    change.result === undefined ? 0 : 1,
    change.error_message === undefined ? null : change.error_message,
    change.error_message === undefined ? 0 : 1,
    change.provider_updated_at ?? null,
    change.last_update_at ?? null,
    change.last_update_source ?? null,
    JSON.stringify(change.status_history ?? []),
  ]
}

export async function insertJob(client: Client, change: JobChange, nowIso: string): Promise<Job> {
  const result = await client.execute({
    sql: `INSERT INTO jobs (provider, external_id, status, progress, result, error_message,
        provider_updated_at, last_update_at, last_update_source, status_history, next_poll_at,
        poll_attempts, updated_at, created_at)
      SELECT p1, p2, p3, p4, CASE WHEN p6 THEN p5 END, CASE WHEN p8 THEN p7 END, p9, p10, p11, p12,
        NULL, 0, ?, ?
      FROM (SELECT ? AS p1, ? AS p2, ? AS p3, ? AS p4, ? AS p5, ? AS p6, ? AS p7, ? AS p8, ? AS p9,
        ? AS p10, ? AS p11, ? AS p12)
      RETURNING *`,
    args: [nowIso, nowIso, ...changeValues(change)],
  })
  return toJob(result.rows[0] as unknown as Row)
}

export async function updateJob(
  client: Client,
  id: number,
  change: JobChange,
  nowIso: string,
): Promise<Job> {
  const result = await client.execute({
    sql: `UPDATE jobs SET provider = p1, external_id = p2, status = p3, progress = p4,
        result = CASE WHEN p6 THEN p5 ELSE result END,
        error_message = CASE WHEN p8 THEN p7 ELSE error_message END,
        provider_updated_at = p9, last_update_at = p10, last_update_source = p11, status_history = p12,
        next_poll_at = NULL, poll_attempts = 0, updated_at = ?
      FROM (SELECT ? AS p1, ? AS p2, ? AS p3, ? AS p4, ? AS p5, ? AS p6, ? AS p7, ? AS p8, ? AS p9,
        ? AS p10, ? AS p11, ? AS p12)
      WHERE id = ?
      RETURNING *`,
    args: [nowIso, ...changeValues(change), id],
  })
  return toJob(result.rows[0] as unknown as Row)
}
