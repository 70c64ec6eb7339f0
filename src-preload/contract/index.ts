/**
 * The ONE typed API between the console's core and its renderer (DESIGN §3): a file per domain,
 * combined here into one Contract (as Actual Budget's handler types are).
 *
 * Types only: both hosts (Electron IPC and the browser host's HTTP) carry exactly these
 * methods and events, and the renderer imports nothing else from the main side.
 * Times are milliseconds since the Unix epoch (UTC); the renderer shows them in WITA.
 */
import type { AppMethods } from './app';
import type { AuthMethods } from './auth';
import type { BackupMethods } from './backup';
import type { BpsDataMethods } from './bps-data';
import type { Result } from './base';
import type { CalendarMethods } from './calendar';
import type { ChannelsMethods } from './channels';
import type { ComplaintsMethods } from './complaints';
import type { ConversationsMethods } from './conversations';
import type { DraftsMethods } from './drafts';
import type { EmailMethods } from './email';
import type { EventName, PushEvents } from './events';
import type { LanMethods } from './lan';
import type { PrivacyMethods } from './privacy';
import type { ReportsMethods } from './reports';
import type { RequestersMethods } from './requesters';
import type { SimilarMethods } from './similar';
import type { TelegramMethods } from './telegram';
import type { TemplatesMethods } from './templates';
import type { WhatsappMethods } from './whatsapp';
import type { WorkflowMethods } from './workflow';

export type * from './app';
export type * from './auth';
export type * from './backup';
export type * from './bps-data';
export type * from './base';
export type * from './calendar';
export type * from './channels';
export type * from './complaints';
export type * from './conversations';
export type * from './drafts';
export type * from './email';
export type * from './events';
export type * from './lan';
export type * from './privacy';
export type * from './reports';
export type * from './requesters';
export type * from './similar';
export type * from './telegram';
export type * from './templates';
export type * from './whatsapp';
export type * from './workflow';

/** Every method: its input and its output. */
export interface Contract
  extends
    AppMethods,
    AuthMethods,
    ConversationsMethods,
    WorkflowMethods,
    RequestersMethods,
    DraftsMethods,
    ComplaintsMethods,
    TemplatesMethods,
    CalendarMethods,
    EmailMethods,
    TelegramMethods,
    ChannelsMethods,
    ReportsMethods,
    BackupMethods,
    PrivacyMethods,
    BpsDataMethods,
    SimilarMethods,
    WhatsappMethods,
    LanMethods {}

export type Method = keyof Contract;
export type Input<M extends Method> = Contract[M]['input'];
export type Output<M extends Method> = Contract[M]['output'];

/** What the preload (Electron) or the HTTP bridge (browser host) puts on `window.pst`. */
export interface PstBridge {
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  on<E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}
