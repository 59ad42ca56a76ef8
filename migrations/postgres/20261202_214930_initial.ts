import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_webhooks_format" AS ENUM('standard', 'corp-astro');
  CREATE TYPE "public"."enum_webhook_deliveries_status" AS ENUM('pending', 'in_flight', 'succeeded', 'failed', 'dead');
  CREATE TYPE "public"."enum_webhook_logs_status" AS ENUM('received', 'processing', 'processed', 'error', 'rejected', 'duplicate');
  CREATE TYPE "public"."enum_jobs_status" AS ENUM('queued', 'processing', 'completed', 'failed', 'cancelled');
  CREATE TYPE "public"."enum_jobs_last_update_source" AS ENUM('submit', 'webhook', 'poll');
  CREATE TYPE "public"."enum_media_media_type" AS ENUM('generated-image', 'generated-video');
  CREATE TYPE "public"."enum_inbound_sources_scheme" AS ENUM('hmac-sha256-hex', 'standard-webhooks', 'url-token', 'bearer-token');
  CREATE TYPE "public"."enum_users_role" AS ENUM('viewer', 'operator', 'admin');
  CREATE TYPE "public"."enum_workers_state" AS ENUM('running', 'draining', 'stopped');
  CREATE TABLE "webhooks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"description" varchar,
  	"format" "enum_webhooks_format" DEFAULT 'standard',
  	"client_id" varchar,
  	"filters_custom_filters" jsonb,
  	"headers" jsonb,
  	"sealed_headers" jsonb,
  	"retry_config_max_attempts" numeric DEFAULT 3,
  	"retry_config_initial_delay_ms" numeric DEFAULT 1000,
  	"retry_config_backoff_multiplier" numeric DEFAULT 2,
  	"retry_config_max_delay_ms" numeric DEFAULT 30000,
  	"disable_after_failing_ms" numeric DEFAULT 432000000,
  	"active" boolean DEFAULT true,
  	"disabled_reason" varchar,
  	"disabled_at" timestamp(3) with time zone,
  	"failing_since" timestamp(3) with time zone,
  	"secret" varchar NOT NULL,
  	"previous_secret" varchar,
  	"unrevealed_secret" varchar,
  	"secret_reveal_pending" boolean DEFAULT false,
  	"previous_secret_expires_at" timestamp(3) with time zone,
  	"secret_hint" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhooks_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "webhook_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" varchar NOT NULL,
  	"event_type" varchar NOT NULL,
  	"job_id" varchar,
  	"data" jsonb NOT NULL,
  	"metadata" jsonb,
  	"deliveries_created" numeric DEFAULT 0 NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"webhook_id" integer,
  	"event_id" varchar NOT NULL,
  	"event_type" varchar NOT NULL,
  	"job_id" varchar,
  	"message_id" varchar NOT NULL,
  	"status" "enum_webhook_deliveries_status" DEFAULT 'pending' NOT NULL,
  	"attempt_count" numeric DEFAULT 0 NOT NULL,
  	"max_attempts" numeric NOT NULL,
  	"next_attempt_at" timestamp(3) with time zone,
  	"lease_expires_at" timestamp(3) with time zone,
  	"leased_by" varchar,
  	"last_status_code" numeric,
  	"last_error" varchar,
  	"last_duration_ms" numeric,
  	"last_attempt_at" timestamp(3) with time zone,
  	"succeeded_at" timestamp(3) with time zone,
  	"attempts" jsonb DEFAULT '[]'::jsonb,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "event_types" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"schema" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_logs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"source" varchar NOT NULL,
  	"status" "enum_webhook_logs_status" NOT NULL,
  	"verified" boolean DEFAULT false,
  	"rejection_reason" varchar,
  	"raw_body" varchar,
  	"raw_body_base64" varchar,
  	"raw_body_size" numeric,
  	"headers" jsonb,
  	"source_ip" varchar,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"dedupe_key" varchar NOT NULL,
  	"duplicate_of" varchar,
  	"event_type" varchar,
  	"external_job_id" varchar,
  	"path_job_id" varchar,
  	"job_id" integer,
  	"normalized" jsonb,
  	"error_message" varchar,
  	"processed_at" timestamp(3) with time zone,
  	"processing_attempts" numeric DEFAULT 0,
  	"lease_expires_at" timestamp(3) with time zone,
  	"leased_by" varchar,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"provider" varchar NOT NULL,
  	"external_id" varchar,
  	"endpoint" varchar,
  	"job_type" varchar,
  	"priority" varchar,
  	"machine_id" varchar,
  	"worker_id" varchar,
  	"status" "enum_jobs_status" DEFAULT 'queued' NOT NULL,
  	"progress" numeric DEFAULT 0,
  	"input" jsonb,
  	"result" jsonb,
  	"error_message" varchar,
  	"status_history" jsonb DEFAULT '[]'::jsonb,
  	"last_update_at" timestamp(3) with time zone,
  	"last_update_source" "enum_jobs_last_update_source",
  	"provider_updated_at" timestamp(3) with time zone,
  	"next_poll_at" timestamp(3) with time zone,
  	"poll_attempts" numeric DEFAULT 0,
  	"orphan_detections" numeric DEFAULT 0,
  	"orphan_recoveries" numeric DEFAULT 0,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"url" varchar NOT NULL,
  	"media_type" "enum_media_media_type" NOT NULL,
  	"job_id" integer,
  	"provider" varchar NOT NULL,
  	"project_id" varchar,
  	"width" numeric,
  	"height" numeric,
  	"duration" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "inbound_sources" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"scheme" "enum_inbound_sources_scheme" NOT NULL,
  	"secret" varchar NOT NULL,
  	"header_name" varchar DEFAULT 'x-webhook-signature',
  	"signature_prefix" varchar,
  	"allowed_ips" varchar,
  	"rate_limit_per_minute" numeric,
  	"rate_limit_burst" numeric,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" "enum_users_role" DEFAULT 'viewer' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "workers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"worker_id" varchar NOT NULL,
  	"hostname" varchar,
  	"pid" numeric,
  	"state" "enum_workers_state" NOT NULL,
  	"started_at" timestamp(3) with time zone NOT NULL,
  	"last_heartbeat_at" timestamp(3) with time zone NOT NULL,
  	"in_flight" numeric DEFAULT 0,
  	"wake_port" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"webhooks_id" integer,
  	"webhook_events_id" integer,
  	"webhook_deliveries_id" integer,
  	"event_types_id" integer,
  	"webhook_logs_id" integer,
  	"jobs_id" integer,
  	"media_id" integer,
  	"inbound_sources_id" integer,
  	"users_id" integer,
  	"workers_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "webhooks_texts" ADD CONSTRAINT "webhooks_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "webhook_logs" ADD CONSTRAINT "webhook_logs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhooks_fk" FOREIGN KEY ("webhooks_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_events_fk" FOREIGN KEY ("webhook_events_id") REFERENCES "public"."webhook_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_deliveries_fk" FOREIGN KEY ("webhook_deliveries_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_types_fk" FOREIGN KEY ("event_types_id") REFERENCES "public"."event_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_logs_fk" FOREIGN KEY ("webhook_logs_id") REFERENCES "public"."webhook_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_jobs_fk" FOREIGN KEY ("jobs_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_inbound_sources_fk" FOREIGN KEY ("inbound_sources_id") REFERENCES "public"."inbound_sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workers_fk" FOREIGN KEY ("workers_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "webhooks_client_id_idx" ON "webhooks" USING btree ("client_id");
  CREATE INDEX "webhooks_active_idx" ON "webhooks" USING btree ("active");
  CREATE INDEX "webhooks_updated_at_idx" ON "webhooks" USING btree ("updated_at");
  CREATE INDEX "webhooks_created_at_idx" ON "webhooks" USING btree ("created_at");
  CREATE INDEX "webhooks_texts_order_parent" ON "webhooks_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "webhook_events_event_id_idx" ON "webhook_events" USING btree ("event_id");
  CREATE INDEX "webhook_events_event_type_idx" ON "webhook_events" USING btree ("event_type");
  CREATE INDEX "webhook_events_job_id_idx" ON "webhook_events" USING btree ("job_id");
  CREATE INDEX "webhook_events_created_at_idx" ON "webhook_events" USING btree ("created_at");
  CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id");
  CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries" USING btree ("event_id");
  CREATE INDEX "webhook_deliveries_job_id_idx" ON "webhook_deliveries" USING btree ("job_id");
  CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");
  CREATE INDEX "status_next_attempt_at_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");
  CREATE INDEX "status_lease_expires_at_idx" ON "webhook_deliveries" USING btree ("status","lease_expires_at");
  CREATE INDEX "webhook_status_idx" ON "webhook_deliveries" USING btree ("webhook_id","status");
  CREATE INDEX "last_attempt_at_status_idx" ON "webhook_deliveries" USING btree ("last_attempt_at","status");
  CREATE UNIQUE INDEX "event_types_name_idx" ON "event_types" USING btree ("name");
  CREATE INDEX "event_types_updated_at_idx" ON "event_types" USING btree ("updated_at");
  CREATE INDEX "event_types_created_at_idx" ON "event_types" USING btree ("created_at");
  CREATE INDEX "webhook_logs_received_at_idx" ON "webhook_logs" USING btree ("received_at");
  CREATE INDEX "webhook_logs_external_job_id_idx" ON "webhook_logs" USING btree ("external_job_id");
  CREATE INDEX "webhook_logs_job_idx" ON "webhook_logs" USING btree ("job_id");
  CREATE INDEX "source_received_at_idx" ON "webhook_logs" USING btree ("source","received_at");
  CREATE INDEX "status_received_at_idx" ON "webhook_logs" USING btree ("status","received_at");
  CREATE UNIQUE INDEX "source_dedupe_key_idx" ON "webhook_logs" USING btree ("source","dedupe_key");
  CREATE INDEX "jobs_external_id_idx" ON "jobs" USING btree ("external_id");
  CREATE INDEX "jobs_job_type_idx" ON "jobs" USING btree ("job_type");
  CREATE INDEX "jobs_created_at_idx" ON "jobs" USING btree ("created_at");
  CREATE INDEX "provider_external_id_idx" ON "jobs" USING btree ("provider","external_id");
  CREATE INDEX "status_last_update_at_idx" ON "jobs" USING btree ("status","last_update_at");
  CREATE INDEX "media_job_idx" ON "media" USING btree ("job_id");
  CREATE INDEX "media_project_id_idx" ON "media" USING btree ("project_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "job_url_idx" ON "media" USING btree ("job_id","url");
  CREATE UNIQUE INDEX "inbound_sources_slug_idx" ON "inbound_sources" USING btree ("slug");
  CREATE INDEX "inbound_sources_updated_at_idx" ON "inbound_sources" USING btree ("updated_at");
  CREATE INDEX "inbound_sources_created_at_idx" ON "inbound_sources" USING btree ("created_at");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "workers_worker_id_idx" ON "workers" USING btree ("worker_id");
  CREATE INDEX "workers_last_heartbeat_at_idx" ON "workers" USING btree ("last_heartbeat_at");
  CREATE INDEX "workers_updated_at_idx" ON "workers" USING btree ("updated_at");
  CREATE INDEX "workers_created_at_idx" ON "workers" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_webhooks_id_idx" ON "payload_locked_documents_rels" USING btree ("webhooks_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_events_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_events_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_deliveries_id");
  CREATE INDEX "payload_locked_documents_rels_event_types_id_idx" ON "payload_locked_documents_rels" USING btree ("event_types_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_logs_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_logs_id");
  CREATE INDEX "payload_locked_documents_rels_jobs_id_idx" ON "payload_locked_documents_rels" USING btree ("jobs_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_inbound_sources_id_idx" ON "payload_locked_documents_rels" USING btree ("inbound_sources_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_workers_id_idx" ON "payload_locked_documents_rels" USING btree ("workers_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "webhooks" CASCADE;
  DROP TABLE "webhooks_texts" CASCADE;
  DROP TABLE "webhook_events" CASCADE;
  DROP TABLE "webhook_deliveries" CASCADE;
  DROP TABLE "event_types" CASCADE;
  DROP TABLE "webhook_logs" CASCADE;
  DROP TABLE "jobs" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "inbound_sources" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "workers" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_webhooks_format";
  DROP TYPE "public"."enum_webhook_deliveries_status";
  DROP TYPE "public"."enum_webhook_logs_status";
  DROP TYPE "public"."enum_jobs_status";
  DROP TYPE "public"."enum_jobs_last_update_source";
  DROP TYPE "public"."enum_media_media_type";
  DROP TYPE "public"."enum_inbound_sources_scheme";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_workers_state";`)
}
