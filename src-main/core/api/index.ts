import { appHandlers } from './app';
import { authHandlers } from './auth';
import { backupHandlers } from './backup';
import { bpsDataHandlers } from './bps-data';
import { calendarHandlers } from './calendar';
import { channelHandlers } from './channels';
import { complaintHandlers } from './complaints';
import { combineHandlers, type Handlers } from './define';
import { draftHandlers } from './drafts';
import { emailHandlers } from './email';
import { inboxHandlers } from './inbox';
import { lanHandlers } from './lan';
import { messageHandlers } from './messages';
import { officerHandlers } from './officers';
import { privacyHandlers } from './privacy';
import { reportHandlers } from './reports';
import { requesterHandlers } from './requesters';
import { settingsHandlers } from './settings';
import { similarHandlers } from './similar';
import { telegramHandlers } from './telegram';
import { templateHandlers } from './templates';
import { walkInHandlers } from './walk-in';
import { whatsappHandlers } from './whatsapp';
import { workflowHandlers } from './workflow';

/** One map per domain. */
const maps = [
  appHandlers,
  authHandlers,
  officerHandlers,
  inboxHandlers,
  messageHandlers,
  draftHandlers,
  requesterHandlers,
  settingsHandlers,
  workflowHandlers,
  walkInHandlers,
  whatsappHandlers,
  complaintHandlers,
  templateHandlers,
  calendarHandlers,
  emailHandlers,
  telegramHandlers,
  channelHandlers,
  reportHandlers,
  backupHandlers,
  privacyHandlers,
  bpsDataHandlers,
  similarHandlers,
  lanHandlers,
] as const;

type Joined<T extends readonly unknown[]> = T extends readonly [infer Head, ...infer Rest] ? Head & Joined<Rest> : unknown;

// Every contract method must have a handler: a missing one is a type error on this line.
const complete: Handlers = Object.assign({}, ...maps) as Joined<typeof maps>;
void complete;

/** The same join at run time, which also stops start-up when a method is defined twice. */
export const handlers = combineHandlers(...maps);
