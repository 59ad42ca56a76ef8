// Takes a subscription's unrevealed secret and clears it in one conditional write, so that of two
// reveals at once exactly one gets the secret.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { DocumentId } from '@/lib/delivery/deliveryTypes'

/** The sealed secret, or null when it was already taken (or never generated). */
export async function takeUnrevealedSecret(
  payload: Payload,
  id: DocumentId,
): Promise<string | null> {
  return payload.db.name === 'mongoose'
    ? takeFromMongo(payload.db as unknown as MongooseAdapter, id)
    : takeFromSqlite(payload.db as unknown as SQLiteAdapter, id)
}

// SQLite's RETURNING shows the row after the update, so the secret is read first and cleared only if it
// is still that one: the reveal whose update changes the row is the one that may show it.
async function takeFromSqlite(db: SQLiteAdapter, id: DocumentId): Promise<string | null> {
  const read = await db.client.execute({
    sql: 'SELECT unrevealed_secret FROM webhooks WHERE id = ?',
    args: [Number(id)],
  })
  const sealed = read.rows[0]?.unrevealed_secret
  if (typeof sealed !== 'string' || sealed === '') return null
  const cleared = await db.client.execute({
    sql: `UPDATE webhooks SET unrevealed_secret = NULL, secret_reveal_pending = 0
          WHERE id = ? AND unrevealed_secret = ?
          RETURNING id`,
    args: [Number(id), sealed],
  })
  return cleared.rows.length === 1 ? sealed : null
}

async function takeFromMongo(db: MongooseAdapter, id: DocumentId): Promise<string | null> {
  const before = await db.collections.webhooks.findOneAndUpdate(
    { _id: id, unrevealed_secret: { $nin: [null, ''] } },
    { $set: { unrevealed_secret: null, secret_reveal_pending: false } },
    { new: false, projection: { unrevealed_secret: 1 } },
  )
  const taken = (before as { unrevealed_secret?: unknown } | null)?.unrevealed_secret
  return typeof taken === 'string' ? taken : null
}
