/**
 * Quick replies (balasan cepat) with placeholders.
 */
import type { Language } from './base';

export interface TemplateView {
  id: number;
  name: string;
  shortcut: string | null;
  body: string;
  language: Language;
  /** Set for the messages the console sends by itself (acknowledgement, …): editable, not deletable. */
  systemKey: string | null;
  updatedAt: number;
  /** Retired by a supervisor: kept for the record, no longer offered in the composer. */
  retired: boolean;
  /** How often officers put it into a reply, and when last. */
  useCount: number;
  lastUsedAt: number | null;
  /** Files sent with the answer (a guide PDF, a standard table). */
  files: TemplateFileView[];
}

export interface TemplateFileView {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
}

/** A standard answer filled in for one conversation, and the files it brings into the composer. */
export interface RenderedTemplate {
  text: string;
  /** Labels of the {isi:…} fill-ins left in `text` for the officer to complete, in order, once each. */
  fillIns: string[];
  files: { fileName: string; mimeType: string; contentBase64: string; size: number }[];
}

export interface TemplatesMethods {
  'templates.list': { input: Record<string, never>; output: TemplateView[] };
  'templates.create': { input: { name: string; shortcut?: string | null; body: string; language?: Language }; output: TemplateView };
  'templates.update': {
    input: { id: number; name?: string; shortcut?: string | null; body?: string; language?: Language };
    output: TemplateView;
  };
  'templates.delete': { input: { id: number }; output: null };
  /**
   * A template with the placeholders of one conversation filled in ({nama}, {tiket}, {jam_layanan},
   * …) and its files; counted as one use.
   */
  'templates.render': { input: { id: number; conversationId: number }; output: RenderedTemplate };
  /** Retire a standard answer (not offered any more) or bring it back. Not for system templates. */
  'templates.retire': { input: { id: number; retired: boolean }; output: TemplateView };
  /** A file sent with a standard answer (at most 5 files of 5 MB each). */
  'templates.addFile': { input: { templateId: number; fileName: string; mimeType: string; contentBase64: string }; output: TemplateView };
  'templates.removeFile': { input: { fileId: number }; output: TemplateView };
}
