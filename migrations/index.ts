import * as migration_20261122_191900_initial from './20261122_191900_initial';
import * as migration_20261122_191901_index_texts_parent from './20261122_191901_index_texts_parent';
import * as migration_20261130_091348_delivery_series_index from './20261130_091348_delivery_series_index';
import * as migration_20261201_233156_events_stored_once from './20261201_233156_events_stored_once';
import * as migration_20261201_233810_worker_wake_port from './20261201_233810_worker_wake_port';
import * as migration_20261202_000047_trim_log_and_job_indexes from './20261202_000047_trim_log_and_job_indexes';
import * as migration_20261202_055425_inbound_raw_body_bytes from './20261202_055425_inbound_raw_body_bytes';
import * as migration_20261202_060452_seal_header_values from './20261202_060452_seal_header_values';
import * as migration_20261202_164727_generated_media from './20261202_164727_generated_media';
import * as migration_20261202_164904_ingress_controls_and_orphan_counters from './20261202_164904_ingress_controls_and_orphan_counters';
import * as migration_20261202_164940_subscription_format_and_client from './20261202_164940_subscription_format_and_client';

export const migrations = [
  {
    up: migration_20261122_191900_initial.up,
    down: migration_20261122_191900_initial.down,
    name: '20261122_191900_initial',
  },
  {
    up: migration_20261122_191901_index_texts_parent.up,
    down: migration_20261122_191901_index_texts_parent.down,
    name: '20261122_191901_index_texts_parent',
  },
  {
    up: migration_20261130_091348_delivery_series_index.up,
    down: migration_20261130_091348_delivery_series_index.down,
    name: '20261130_091348_delivery_series_index',
  },
  {
    up: migration_20261201_233156_events_stored_once.up,
    down: migration_20261201_233156_events_stored_once.down,
    name: '20261201_233156_events_stored_once',
  },
  {
    up: migration_20261201_233810_worker_wake_port.up,
    down: migration_20261201_233810_worker_wake_port.down,
    name: '20261201_233810_worker_wake_port',
  },
  {
    up: migration_20261202_000047_trim_log_and_job_indexes.up,
    down: migration_20261202_000047_trim_log_and_job_indexes.down,
    name: '20261202_000047_trim_log_and_job_indexes',
  },
  {
    up: migration_20261202_055425_inbound_raw_body_bytes.up,
    down: migration_20261202_055425_inbound_raw_body_bytes.down,
    name: '20261202_055425_inbound_raw_body_bytes',
  },
  {
    up: migration_20261202_060452_seal_header_values.up,
    down: migration_20261202_060452_seal_header_values.down,
    name: '20261202_060452_seal_header_values',
  },
  {
    up: migration_20261202_164727_generated_media.up,
    down: migration_20261202_164727_generated_media.down,
    name: '20261202_164727_generated_media',
  },
  {
    up: migration_20261202_164904_ingress_controls_and_orphan_counters.up,
    down: migration_20261202_164904_ingress_controls_and_orphan_counters.down,
    name: '20261202_164904_ingress_controls_and_orphan_counters',
  },
  {
    up: migration_20261202_164940_subscription_format_and_client.up,
    down: migration_20261202_164940_subscription_format_and_client.down,
    name: '20261202_164940_subscription_format_and_client',
  },
];
