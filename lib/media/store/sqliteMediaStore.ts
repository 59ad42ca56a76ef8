// SQLite media store: multi-row inserts that skip a (job, url) pair already there, on the store thread's
// connection, so a batch of completed callbacks costs one statement instead of a find and a create each.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import type { MediaStore, NewMedia } from './mediaStore'

type Client = SQLiteAdapter['client']

const COLUMNS = [
  'url',
  'media_type',
  'job_id',
  'provider',
  'project_id',
  'width',
  'height',
  'duration',
  'updated_at',
  'created_at',
] as const
// Well under SQLite's limit of 32,766 bound values per statement.
const ROWS_PER_STATEMENT = 500

function toValues(row: NewMedia, now: string): (string | number | null)[] {
  return [
    row.url,
    row.media_type,
    row.job,
    row.provider,
    row.project_id,
    row.width,
    row.height,
    row.duration,
    now,
    now,
  ]
}

export function createSqliteMediaStore(client: Client): MediaStore {
  return {
    async recordMedia(rows) {
      const now = new Date().toISOString()
      let inserted = 0
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT)
        const placeholders = chunk.map(() => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ')
        const result = await client.execute({
          sql: `INSERT INTO media (${COLUMNS.join(', ')}) VALUES ${placeholders}
            ON CONFLICT (job_id, url) DO NOTHING`,
          args: chunk.flatMap((row) => toValues(row, now)),
        })
        inserted += result.rowsAffected
      }
      return inserted
    },
  }
}
