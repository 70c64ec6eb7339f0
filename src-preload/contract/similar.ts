import type { RenderedTemplate } from './templates';

/** A file of an earlier answer, offered with it. */
export interface SimilarFileView {
  attachmentId: number;
  fileName: string;
  mimeType: string;
  size: number;
}

/**
 * An earlier closed consultation with a similar need, as the office answered it. Only what the
 * office wrote: the reply carries placeholders ({nama}, {tiket}, {instansi}, {kontak}) where the
 * earlier requester's name, ticket, institution and contacts were; nothing the requester wrote.
 */
export interface SimilarAnswerView {
  conversationId: number;
  topic: string | null;
  /** When it was closed. */
  resolvedAt: number;
  answer: string;
  files: SimilarFileView[];
}

export interface SimilarMethods {
  /** Up to 3 earlier answers for this consultation's need, best first; counted as shown. */
  'similar.suggest': { input: { conversationId: number }; output: SimilarAnswerView[] };
  /**
   * One earlier answer as a draft for this consultation: placeholders refilled for this requester,
   * its files attached; counted as used, and later as sent as taken or edited.
   */
  'similar.useAsDraft': { input: { conversationId: number; sourceConversationId: number }; output: RenderedTemplate };
}
