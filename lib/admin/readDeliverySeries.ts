// Deliveries attempted per minute over the last 24 h, with how many succeeded, for the dashboard chart.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

export type MinuteBucket = { minute: string; attempted: number; succeeded: number }

export async function readDeliverySeries(payload: Payload, since: Date): Promise<MinuteBucket[]> {
  if (payload.db.name === 'mongoose') {
    const deliveries = (payload.db as unknown as MongooseAdapter).collections['webhook-deliveries']
    const rows = await deliveries.aggregate<{ _id: string; attempted: number; succeeded: number }>([
      { $match: { last_attempt_at: { $gte: since } } },
      {
        $group: {
          _id: { $dateToString: { format: '%Y-%m-%dT%H:%M', date: '$last_attempt_at' } },
          attempted: { $sum: 1 },
          succeeded: { $sum: { $cond: [{ $eq: ['$status', 'succeeded'] }, 1, 0] } },
        },
      },
      { $sort: { _id: 1 } },
    ])
    return rows.map((row) => ({
      minute: row._id,
      attempted: row.attempted,
      succeeded: row.succeeded,
    }))
  }
  const client = (payload.db as unknown as SQLiteAdapter).client
  const result = await client.execute({
    sql: `SELECT substr(last_attempt_at, 1, 16) AS minute, COUNT(*) AS attempted,
        SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END) AS succeeded
      FROM webhook_deliveries WHERE last_attempt_at >= ? GROUP BY minute ORDER BY minute`,
    args: [since.toISOString()],
  })
  return result.rows.map((row) => ({
    minute: String(row.minute),
    attempted: Number(row.attempted),
    succeeded: Number(row.succeeded),
  }))
}
