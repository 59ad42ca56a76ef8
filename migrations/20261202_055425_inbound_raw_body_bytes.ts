import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`webhook_logs\` ADD \`raw_body_base64\` text;`)
  await db.run(sql`ALTER TABLE \`webhook_logs\` ADD \`raw_body_size\` numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`webhook_logs\` DROP COLUMN \`raw_body_base64\`;`)
  await db.run(sql`ALTER TABLE \`webhook_logs\` DROP COLUMN \`raw_body_size\`;`)
}
