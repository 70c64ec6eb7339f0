import { appHandlers } from './app';
import { authHandlers } from './auth';
import { combineHandlers, type Handlers } from './define';
import { inboxHandlers } from './inbox';
import { messageHandlers } from './messages';
import { officerHandlers } from './officers';
import { settingsHandlers } from './settings';
import { emailHandlers } from './email';
import { calendarHandlers } from './calendar';
import { complaintHandlers } from './complaints';
import { templateHandlers } from './templates';
import { workflowHandlers } from './workflow';
import { reportHandlers } from './reports';
import { telegramHandlers } from './telegram';

/** Every contract method, one map per domain. A missing method is a type error here. */
const typed: Handlers = { ...appHandlers, ...authHandlers, ...officerHandlers, ...inboxHandlers, ...messageHandlers, ...settingsHandlers, ...workflowHandlers, ...complaintHandlers, ...templateHandlers, ...calendarHandlers, ...emailHandlers, ...telegramHandlers, ...reportHandlers };

// combineHandlers repeats the join at run time to catch a name defined in two maps.
export const handlers = combineHandlers(appHandlers, authHandlers, officerHandlers, inboxHandlers, messageHandlers, settingsHandlers, workflowHandlers, complaintHandlers, templateHandlers, calendarHandlers, emailHandlers, telegramHandlers, reportHandlers);
void typed;
