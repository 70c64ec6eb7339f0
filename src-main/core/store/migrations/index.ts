import type { Migration } from '../migrate';
import { m0001 } from './0001-initial';

/** Every schema version in order; add a file NNNN-name.ts and its test for each new one. */
export const migrations: readonly Migration[] = [m0001];
