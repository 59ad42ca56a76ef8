import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Payload indexes hasMany text rows by (order, parent_id) only; loading every subscription's event types
// looks them up by parent_id, which without this index scans the table once per subscription.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE INDEX IF NOT EXISTS "webhooks_texts_parent_id_idx" ON "webhooks_texts" ("parent_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP INDEX IF EXISTS "webhooks_texts_parent_id_idx";`)
}
