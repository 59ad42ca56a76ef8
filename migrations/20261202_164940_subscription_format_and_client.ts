import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`webhooks\` ADD \`format\` text DEFAULT 'standard';`)
  await db.run(sql`ALTER TABLE \`webhooks\` ADD \`client_id\` text;`)
  await db.run(sql`CREATE INDEX \`webhooks_client_id_idx\` ON \`webhooks\` (\`client_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`webhooks_client_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`webhooks\` DROP COLUMN \`format\`;`)
  await db.run(sql`ALTER TABLE \`webhooks\` DROP COLUMN \`client_id\`;`)
}
