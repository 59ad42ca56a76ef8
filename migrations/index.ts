import * as migration_20261122_182748_initial from './20261122_182748_initial';
import * as migration_20261122_182800_index_texts_parent from './20261122_182800_index_texts_parent';

export const migrations = [
  {
    up: migration_20261122_182748_initial.up,
    down: migration_20261122_182748_initial.down,
    name: '20261122_182748_initial'
  },
  {
    up: migration_20261122_182800_index_texts_parent.up,
    down: migration_20261122_182800_index_texts_parent.down,
    name: '20261122_182800_index_texts_parent'
  },
];
