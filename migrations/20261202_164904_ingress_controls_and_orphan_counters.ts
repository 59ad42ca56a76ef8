import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`jobs\` ADD \`orphan_detections\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`jobs\` ADD \`orphan_recoveries\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`inbound_sources\` ADD \`allowed_ips\` text;`)
  await db.run(sql`ALTER TABLE \`inbound_sources\` ADD \`rate_limit_per_minute\` numeric;`)
  await db.run(sql`ALTER TABLE \`inbound_sources\` ADD \`rate_limit_burst\` numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`jobs\` DROP COLUMN \`orphan_detections\`;`)
  await db.run(sql`ALTER TABLE \`jobs\` DROP COLUMN \`orphan_recoveries\`;`)
  await db.run(sql`ALTER TABLE \`inbound_sources\` DROP COLUMN \`allowed_ips\`;`)
  await db.run(sql`ALTER TABLE \`inbound_sources\` DROP COLUMN \`rate_limit_per_minute\`;`)
  await db.run(sql`ALTER TABLE \`inbound_sources\` DROP COLUMN \`rate_limit_burst\`;`)
}
