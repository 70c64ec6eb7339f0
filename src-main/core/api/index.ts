import { appHandlers } from './app';
import { authHandlers } from './auth';
import { combineHandlers, type Handlers } from './define';
import { inboxHandlers } from './inbox';
import { messageHandlers } from './messages';
import { officerHandlers } from './officers';
import { settingsHandlers } from './settings';

/** Every contract method, one map per domain. A missing method is a type error here. */
const typed: Handlers = { ...appHandlers, ...authHandlers, ...officerHandlers, ...inboxHandlers, ...messageHandlers, ...settingsHandlers };

// combineHandlers repeats the join at run time to catch a name defined in two maps.
export const handlers = combineHandlers(appHandlers, authHandlers, officerHandlers, inboxHandlers, messageHandlers, settingsHandlers);
void typed;
