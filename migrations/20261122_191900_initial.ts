import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`webhooks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`description\` text,
  	\`filters_custom_filters\` text,
  	\`headers\` text,
  	\`retry_config_max_attempts\` numeric DEFAULT 3,
  	\`retry_config_initial_delay_ms\` numeric DEFAULT 1000,
  	\`retry_config_backoff_multiplier\` numeric DEFAULT 2,
  	\`retry_config_max_delay_ms\` numeric DEFAULT 30000,
  	\`disable_after_failing_ms\` numeric DEFAULT 432000000,
  	\`active\` integer DEFAULT true,
  	\`disabled_reason\` text,
  	\`disabled_at\` text,
  	\`failing_since\` text,
  	\`secret\` text NOT NULL,
  	\`previous_secret\` text,
  	\`unrevealed_secret\` text,
  	\`secret_reveal_pending\` integer DEFAULT false,
  	\`previous_secret_expires_at\` text,
  	\`secret_hint\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`webhooks_active_idx\` ON \`webhooks\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`webhooks_updated_at_idx\` ON \`webhooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhooks_created_at_idx\` ON \`webhooks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`webhooks_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`webhooks_texts_order_parent\` ON \`webhooks_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`webhook_id\` integer,
  	\`event_id\` text NOT NULL,
  	\`event_type\` text NOT NULL,
  	\`job_id\` text,
  	\`message_id\` text NOT NULL,
  	\`payload\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempt_count\` numeric DEFAULT 0 NOT NULL,
  	\`max_attempts\` numeric NOT NULL,
  	\`next_attempt_at\` text,
  	\`lease_expires_at\` text,
  	\`leased_by\` text,
  	\`last_status_code\` numeric,
  	\`last_error\` text,
  	\`last_duration_ms\` numeric,
  	\`last_attempt_at\` text,
  	\`succeeded_at\` text,
  	\`attempts\` text DEFAULT '[]',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`webhook_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_webhook_idx\` ON \`webhook_deliveries\` (\`webhook_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_event_id_idx\` ON \`webhook_deliveries\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_event_type_idx\` ON \`webhook_deliveries\` (\`event_type\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_job_id_idx\` ON \`webhook_deliveries\` (\`job_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_status_idx\` ON \`webhook_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_next_attempt_at_idx\` ON \`webhook_deliveries\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_last_attempt_at_idx\` ON \`webhook_deliveries\` (\`last_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_next_attempt_at_idx\` ON \`webhook_deliveries\` (\`status\`,\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`status_lease_expires_at_idx\` ON \`webhook_deliveries\` (\`status\`,\`lease_expires_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_status_idx\` ON \`webhook_deliveries\` (\`webhook_id\`,\`status\`);`)
  await db.run(sql`CREATE TABLE \`event_types\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`schema\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`event_types_name_idx\` ON \`event_types\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`event_types_updated_at_idx\` ON \`event_types\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`event_types_created_at_idx\` ON \`event_types\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`webhook_logs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`source\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`verified\` integer DEFAULT false,
  	\`rejection_reason\` text,
  	\`raw_body\` text,
  	\`headers\` text,
  	\`source_ip\` text,
  	\`received_at\` text NOT NULL,
  	\`dedupe_key\` text NOT NULL,
  	\`duplicate_of\` text,
  	\`event_type\` text,
  	\`external_job_id\` text,
  	\`path_job_id\` text,
  	\`job_id\` integer,
  	\`normalized\` text,
  	\`error_message\` text,
  	\`processed_at\` text,
  	\`processing_attempts\` numeric DEFAULT 0,
  	\`lease_expires_at\` text,
  	\`leased_by\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`job_id\`) REFERENCES \`jobs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_logs_source_idx\` ON \`webhook_logs\` (\`source\`);`)
  await db.run(sql`CREATE INDEX \`webhook_logs_status_idx\` ON \`webhook_logs\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`webhook_logs_received_at_idx\` ON \`webhook_logs\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_logs_external_job_id_idx\` ON \`webhook_logs\` (\`external_job_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_logs_job_idx\` ON \`webhook_logs\` (\`job_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_logs_updated_at_idx\` ON \`webhook_logs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_logs_created_at_idx\` ON \`webhook_logs\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`source_received_at_idx\` ON \`webhook_logs\` (\`source\`,\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`status_received_at_idx\` ON \`webhook_logs\` (\`status\`,\`received_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`source_dedupe_key_idx\` ON \`webhook_logs\` (\`source\`,\`dedupe_key\`);`)
  await db.run(sql`CREATE TABLE \`jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`provider\` text NOT NULL,
  	\`external_id\` text,
  	\`endpoint\` text,
  	\`job_type\` text,
  	\`priority\` text,
  	\`machine_id\` text,
  	\`worker_id\` text,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`progress\` numeric DEFAULT 0,
  	\`input\` text,
  	\`result\` text,
  	\`error_message\` text,
  	\`status_history\` text DEFAULT '[]',
  	\`last_update_at\` text,
  	\`last_update_source\` text,
  	\`provider_updated_at\` text,
  	\`next_poll_at\` text,
  	\`poll_attempts\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`jobs_provider_idx\` ON \`jobs\` (\`provider\`);`)
  await db.run(sql`CREATE INDEX \`jobs_external_id_idx\` ON \`jobs\` (\`external_id\`);`)
  await db.run(sql`CREATE INDEX \`jobs_job_type_idx\` ON \`jobs\` (\`job_type\`);`)
  await db.run(sql`CREATE INDEX \`jobs_status_idx\` ON \`jobs\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`jobs_last_update_at_idx\` ON \`jobs\` (\`last_update_at\`);`)
  await db.run(sql`CREATE INDEX \`jobs_next_poll_at_idx\` ON \`jobs\` (\`next_poll_at\`);`)
  await db.run(sql`CREATE INDEX \`jobs_updated_at_idx\` ON \`jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`jobs_created_at_idx\` ON \`jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`provider_external_id_idx\` ON \`jobs\` (\`provider\`,\`external_id\`);`)
  await db.run(sql`CREATE INDEX \`status_last_update_at_idx\` ON \`jobs\` (\`status\`,\`last_update_at\`);`)
  await db.run(sql`CREATE TABLE \`inbound_sources\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`scheme\` text NOT NULL,
  	\`secret\` text NOT NULL,
  	\`header_name\` text DEFAULT 'x-webhook-signature',
  	\`signature_prefix\` text,
  	\`active\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`inbound_sources_slug_idx\` ON \`inbound_sources\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`inbound_sources_updated_at_idx\` ON \`inbound_sources\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`inbound_sources_created_at_idx\` ON \`inbound_sources\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`role\` text DEFAULT 'viewer' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`workers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`worker_id\` text NOT NULL,
  	\`hostname\` text,
  	\`pid\` numeric,
  	\`state\` text NOT NULL,
  	\`started_at\` text NOT NULL,
  	\`last_heartbeat_at\` text NOT NULL,
  	\`in_flight\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`workers_worker_id_idx\` ON \`workers\` (\`worker_id\`);`)
  await db.run(sql`CREATE INDEX \`workers_last_heartbeat_at_idx\` ON \`workers\` (\`last_heartbeat_at\`);`)
  await db.run(sql`CREATE INDEX \`workers_updated_at_idx\` ON \`workers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workers_created_at_idx\` ON \`workers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`webhooks\`;`)
  await db.run(sql`DROP TABLE \`webhooks_texts\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`event_types\`;`)
  await db.run(sql`DROP TABLE \`webhook_logs\`;`)
  await db.run(sql`DROP TABLE \`jobs\`;`)
  await db.run(sql`DROP TABLE \`inbound_sources\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`workers\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
