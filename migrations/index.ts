import * as migration_20261122_191900_initial from './20261122_191900_initial';
import * as migration_20261122_191901_index_texts_parent from './20261122_191901_index_texts_parent';
import * as migration_20261130_091348_delivery_series_index from './20261130_091348_delivery_series_index';

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
    name: '20261130_091348_delivery_series_index'
  },
];
