// A busy hub's last 24 h for the dashboard: finished deliveries only (succeeded or dead), spread over every
// minute, so a running worker has nothing to send. Shared by the dashboard bench and its e2e check.
import { createClient } from '@libsql/client'

export async function seedFinishedDeliveries(databaseFile: string, count: number): Promise<void> {
  const database = createClient({ url: `file:${databaseFile}` })
  try {
    await database.execute('PRAGMA busy_timeout = 10000')
    await database.execute(`
      INSERT INTO webhook_deliveries (event_id, event_type, job_id, message_id, status,
        attempt_count, max_attempts, last_status_code, last_duration_ms, last_attempt_at, succeeded_at)
      SELECT 'evt_scale_' || i, 'job.completed', 'job_scale_' || (i % 5000), 'msg_scale_' || i,
        CASE WHEN i % 10 = 0 THEN 'dead' ELSE 'succeeded' END, 1, 1,
        CASE WHEN i % 10 = 0 THEN 500 ELSE 200 END, 40 + i % 60,
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i % 1440) || ' minutes'),
        CASE WHEN i % 10 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END
      FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
        SELECT i FROM n)`)
  } finally {
    database.close()
  }
}
