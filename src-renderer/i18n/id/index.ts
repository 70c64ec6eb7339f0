/**
 * The source of truth for UI text: Bahasa Indonesia first, a namespace per feature. Every other
 * language must have exactly these keys (see `Dictionary`). `{name}` marks a value filled in by `t()`.
 */
import { commonId } from './common';
import { inboxId } from './inbox';
import { conversationId } from './conversation';
import { complaintsId } from './complaints';
import { settingsId } from './settings';
import { privacyId } from './privacy';
import { reportsId } from './reports';
import { officersId } from './officers';
import { walkInId } from './walk-in';
import { bpsDataId } from './bps-data';
import { similarId } from './similar';
import { whatsappId } from './whatsapp';
import { lanId } from './lan';

export const id = {
  ...commonId,
  ...inboxId,
  ...conversationId,
  ...complaintsId,
  ...settingsId,
  ...privacyId,
  ...reportsId,
  ...officersId,
  ...walkInId,
  ...bpsDataId,
  ...similarId,
  ...whatsappId,
  ...lanId,
} as const;

export type MessageKey = keyof typeof id;
/** Every translation has every key of the Indonesian source, and nothing else. */
export type Dictionary = { readonly [K in MessageKey]: string };
