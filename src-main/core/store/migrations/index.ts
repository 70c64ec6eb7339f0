import type { Migration } from '../migrate';
import { m0001 } from './0001-initial';
import { m0002 } from './0002-workflow';
import { m0003 } from './0003-email';
import { m0004 } from './0004-telegram';
import { m0005 } from './0005-inbox-speed';
import { m0006 } from './0006-drafts';
import { m0007 } from './0007-password-change';
import { m0008 } from './0008-standard-answers';
import { m0009 } from './0009-telegram-files-intake';
import { m0010 } from './0010-mail-identity';
import { m0011 } from './0011-bps-data';
import { m0012 } from './0012-similar-answers';
import { m0013 } from './0013-whatsapp';
import { m0014 } from './0014-lan';
import { m0015 } from './0015-plain-counters';
import { m0016 } from './0016-search-index-later';
import { m0017 } from './0017-queue-arrival';

/** Every schema version in order; add a file NNNN-name.ts and its test for each new one. */
export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
];
