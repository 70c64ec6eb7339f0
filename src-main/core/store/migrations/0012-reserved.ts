import type { Migration } from '../migrate';

/** Schema version 12 belongs to another change; this stand-in keeps the versions without gaps until it lands. */
export const m0012: Migration = {
  version: 12,
  name: 'reserved',
  up() {},
};
