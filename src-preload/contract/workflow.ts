/**
 * The service workflow: status machine, SLA in working time, requirements, closure, ratings, IKM.
 */
import type { Channel } from './base';
import type { ConversationDetail, MessageView } from './conversations';
import type { RequesterFieldsInput } from './requesters';

/** Derived at read time from the service calendar (DESIGN §1). */
export type SlaState = 'none' | 'running' | 'paused' | 'due_soon' | 'overdue';

/** What the service standard asks for before the SLA clock may start. */
export type RequirementName = 'name' | 'institution' | 'email' | 'whatsapp' | 'occupation' | 'need';

export interface RatingView {
  id: number;
  conversationId: number;
  /** 0 for the first closure, 1 after one reopen, … */
  closure: number;
  score: number | null;
  feedback: string | null;
  /** SKM answers U1…U9 (1–4, null = blank), or null when the survey was not answered. */
  skm: (number | null)[] | null;
  source: Channel;
  enteredBy: number | null;
  createdAt: number;
}

export interface IkmReport {
  from: number;
  to: number;
  respondents: number;
  unsur: { code: string; name: string; respondents: number; nrr: number | null }[];
  ikm: number | null;
  /** IKM × 25, rounded half-up to 2 decimals (the reported value). */
  converted: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  label: string | null;
  ratings: { count: number; withScore: number; averageScore: number | null };
}

export interface WorkflowSettingsView {
  slaWorkingDays: number;
  surveyEnabled: boolean;
  /** The nine SKM questions in unsur order U1…U9, as the requester reads them. */
  surveyQuestions: string[];
  topics: string[];
  /** The office phone's WhatsApp profile name: its side of an imported chat. */
  whatsappOfficeName: string;
  /** The office phone's WhatsApp number (+62…), or ''. */
  whatsappOfficeNumber: string;
}

/** How a consultation entered by an officer came in: at the PST desk, or by phone. */
export type WalkInVia = 'langsung' | 'telepon';

/**
 * How an answer the console did not send reached the requester: in person, by phone, or from the
 * office's WhatsApp (click-to-chat, confirmed by the officer who sent it).
 */
export type AnswerVia = WalkInVia | 'whatsapp';

export interface WorkflowMethods {
  /**
   * A visitor at the desk or a caller: a new consultation on the 'manual' channel, the need as its
   * first message, handled by the officer who enters it, under the usual requirement and SLA rules.
   * With `answer`, it was answered on the spot and closes at once. Via 'whatsapp': a consultation
   * asked on the office's WhatsApp, on the 'whatsapp' channel, found by the requester's number.
   */
  'conversations.createWalkIn': {
    input: {
      via: AnswerVia;
      requesterId?: number;
      requester?: RequesterFieldsInput;
      need: string;
      answer?: { text: string; summary: string; topic: string };
    };
    output: ConversationDetail;
  };
  /** An answer given in person or by phone, recorded (nothing is sent); counts as a response. */
  'messages.recordAnswer': { input: { conversationId: number; text: string; via: AnswerVia }; output: MessageView };
  /**
   * "Ambil": the consultation becomes the signed-in officer's. A colleague's is refused
   * (conversations.taken) unless `takeOver` says the officer was asked and confirmed.
   */
  'conversations.claim': { input: { id: number; takeOver?: boolean }; output: ConversationDetail };
  /** Assign to an officer (a supervisor for anyone; an officer only to themselves) or unassign (null). */
  'conversations.assign': { input: { id: number; officerId: number | null }; output: ConversationDetail };
  /** Requester identity fields and/or the need; completes the requirements (starts the SLA) when all are there. */
  'conversations.updateRequirements': {
    input: { id: number; requester?: RequesterFieldsInput; need?: string | null };
    output: ConversationDetail;
  };
  /** An officer sets or unsets "requirements complete" by judgement, with a reason. */
  'conversations.setRequirementsComplete': { input: { id: number; complete: boolean; reason: string }; output: ConversationDetail };
  'conversations.waitForRequester': { input: { id: number; reason?: string }; output: ConversationDetail };
  /** Back to in_progress from waiting_requester (the requester answered by phone or in person). */
  'conversations.resume': { input: { id: number }; output: ConversationDetail };
  'conversations.resolve': { input: { id: number; summary: string; topic: string }; output: ConversationDetail };
  'conversations.reopen': { input: { id: number; reason: string }; output: ConversationDetail };

  /** A rating given by phone or in person, for the current closure. */
  'ratings.record': {
    input: { conversationId: number; score: number | null; feedback?: string; skm?: (number | null)[]; via: AnswerVia };
    output: RatingView;
  };
  'ikm.compute': { input: { from: number; to: number }; output: IkmReport };

  'workflow.getSettings': { input: Record<string, never>; output: WorkflowSettingsView };
  'workflow.updateSettings': { input: Partial<WorkflowSettingsView>; output: WorkflowSettingsView };
}
