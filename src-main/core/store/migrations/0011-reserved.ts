import type { Migration } from '../migrate';

/**
 * Schema version 11 belongs to a change made beside this one; this empty step only keeps the
 * versions numbered without gaps until that change takes its place.
 */
export const m0011: Migration = {
  version: 11,
  name: 'reserved',
  up() {},
};
