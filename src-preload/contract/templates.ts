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
}

export interface TemplatesMethods {
  'templates.list': { input: Record<string, never>; output: TemplateView[] };
  'templates.create': { input: { name: string; shortcut?: string | null; body: string; language?: Language }; output: TemplateView };
  'templates.update': {
    input: { id: number; name?: string; shortcut?: string | null; body?: string; language?: Language };
    output: TemplateView;
  };
  'templates.delete': { input: { id: number }; output: null };
  /** A template with the placeholders of one conversation filled in ({nama}, {tiket}, {jam_layanan}, …). */
  'templates.render': { input: { id: number; conversationId: number }; output: { text: string } };
}
