import type { Migration } from '../migrate';

/** Schema version 11 belongs to another change; this stand-in keeps the versions without gaps until it lands. */
export const m0011: Migration = {
  version: 11,
  name: 'reserved',
  up() {},
};
