import type { Dictionary } from '../id';
import { commonEn } from './common';
import { inboxEn } from './inbox';
import { conversationEn } from './conversation';
import { complaintsEn } from './complaints';
import { settingsEn } from './settings';
import { privacyEn } from './privacy';
import { reportsEn } from './reports';
import { officersEn } from './officers';
import { walkInEn } from './walk-in';
import { bpsDataEn } from './bps-data';
import { similarEn } from './similar';
import { whatsappEn } from './whatsapp';
import { lanEn } from './lan';

export const en: Dictionary = {
  ...commonEn,
  ...inboxEn,
  ...conversationEn,
  ...complaintsEn,
  ...settingsEn,
  ...privacyEn,
  ...reportsEn,
  ...officersEn,
  ...walkInEn,
  ...bpsDataEn,
  ...similarEn,
  ...whatsappEn,
  ...lanEn,
};
