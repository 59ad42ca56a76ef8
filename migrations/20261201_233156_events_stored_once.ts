import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`webhook_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` text NOT NULL,
  	\`event_type\` text NOT NULL,
  	\`job_id\` text,
  	\`data\` text NOT NULL,
  	\`metadata\` text,
  	\`deliveries_created\` numeric DEFAULT 0 NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`webhook_events_event_id_idx\` ON \`webhook_events\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_events_event_type_idx\` ON \`webhook_events\` (\`event_type\`);`)
  await db.run(sql`CREATE INDEX \`webhook_events_job_id_idx\` ON \`webhook_events\` (\`job_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_events_created_at_idx\` ON \`webhook_events\` (\`created_at\`);`)
  await db.run(sql`DROP INDEX \`webhook_deliveries_event_type_idx\`;`)
  await db.run(sql`DROP INDEX \`webhook_deliveries_status_idx\`;`)
  await db.run(sql`DROP INDEX \`webhook_deliveries_next_attempt_at_idx\`;`)
  await db.run(sql`DROP INDEX \`webhook_deliveries_last_attempt_at_idx\`;`)
  await db.run(sql`DROP INDEX \`webhook_deliveries_updated_at_idx\`;`)
  // Events are stored once: every existing delivery's body becomes its event's row before the column goes.
  await db.run(sql`INSERT OR IGNORE INTO \`webhook_events\` (\`event_id\`, \`event_type\`, \`job_id\`, \`data\`, \`metadata\`, \`deliveries_created\`, \`updated_at\`, \`created_at\`)
    SELECT \`event_id\`, MIN(\`event_type\`), MIN(\`job_id\`), json_extract(MIN(\`payload\`), '$.data'), json_extract(MIN(\`payload\`), '$.metadata'), COUNT(*), MIN(\`created_at\`), MIN(\`created_at\`)
    FROM \`webhook_deliveries\` GROUP BY \`event_id\`;`)
  await db.run(sql`ALTER TABLE \`webhook_deliveries\` DROP COLUMN \`payload\`;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`webhook_events_id\` integer REFERENCES webhook_events(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_events_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_events_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`webhook_events\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`webhooks_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`event_types_id\` integer,
  	\`webhook_logs_id\` integer,
  	\`jobs_id\` integer,
  	\`inbound_sources_id\` integer,
  	\`users_id\` integer,
  	\`workers_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`event_types_id\`) REFERENCES \`event_types\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_logs_id\`) REFERENCES \`webhook_logs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`jobs_id\`) REFERENCES \`jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`inbound_sources_id\`) REFERENCES \`inbound_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workers_id\`) REFERENCES \`workers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "webhooks_id", "webhook_deliveries_id", "event_types_id", "webhook_logs_id", "jobs_id", "inbound_sources_id", "users_id", "workers_id") SELECT "id", "order", "parent_id", "path", "webhooks_id", "webhook_deliveries_id", "event_types_id", "webhook_logs_id", "jobs_id", "inbound_sources_id", "users_id", "workers_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_event_types_id_idx\` ON \`payload_locked_documents_rels\` (\`event_types_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_logs_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_logs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_jobs_id_idx\` ON \`payload_locked_documents_rels\` (\`jobs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_inbound_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`inbound_sources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workers_id_idx\` ON \`payload_locked_documents_rels\` (\`workers_id\`);`)
  await db.run(sql`ALTER TABLE \`webhook_deliveries\` ADD \`payload\` text DEFAULT '{}' NOT NULL;`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_event_type_idx\` ON \`webhook_deliveries\` (\`event_type\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_status_idx\` ON \`webhook_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_next_attempt_at_idx\` ON \`webhook_deliveries\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_last_attempt_at_idx\` ON \`webhook_deliveries\` (\`last_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
}
