import * as migration_20261202_214930_initial from './20261202_214930_initial';
import * as migration_20261202_214931_index_texts_parent from './20261202_214931_index_texts_parent';

export const migrations = [
  {
    up: migration_20261202_214930_initial.up,
    down: migration_20261202_214930_initial.down,
    name: '20261202_214930_initial'
  },
  {
    up: migration_20261202_214931_index_texts_parent.up,
    down: migration_20261202_214931_index_texts_parent.down,
    name: '20261202_214931_index_texts_parent'
  },
];
