import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`webhook_logs_source_idx\`;`)
  await db.run(sql`DROP INDEX \`webhook_logs_status_idx\`;`)
  await db.run(sql`DROP INDEX \`webhook_logs_updated_at_idx\`;`)
  await db.run(sql`DROP INDEX \`webhook_logs_created_at_idx\`;`)
  await db.run(sql`DROP INDEX \`jobs_provider_idx\`;`)
  await db.run(sql`DROP INDEX \`jobs_status_idx\`;`)
  await db.run(sql`DROP INDEX \`jobs_last_update_at_idx\`;`)
  await db.run(sql`DROP INDEX \`jobs_next_poll_at_idx\`;`)
  await db.run(sql`DROP INDEX \`jobs_updated_at_idx\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`webhook_logs_source_idx\` ON \`webhook_logs\` (\`source\`);`)
  await db.run(sql`CREATE INDEX \`webhook_logs_status_idx\` ON \`webhook_logs\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`webhook_logs_updated_at_idx\` ON \`webhook_logs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_logs_created_at_idx\` ON \`webhook_logs\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`jobs_provider_idx\` ON \`jobs\` (\`provider\`);`)
  await db.run(sql`CREATE INDEX \`jobs_status_idx\` ON \`jobs\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`jobs_last_update_at_idx\` ON \`jobs\` (\`last_update_at\`);`)
  await db.run(sql`CREATE INDEX \`jobs_next_poll_at_idx\` ON \`jobs\` (\`next_poll_at\`);`)
  await db.run(sql`CREATE INDEX \`jobs_updated_at_idx\` ON \`jobs\` (\`updated_at\`);`)
}
