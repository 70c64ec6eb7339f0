import { create } from 'zustand';
import { wordCoreMessages } from '../../src-common/messages';
import type { CoreMessage, Language } from '../../src-preload/contract';
import { en } from './en';
import { id, type Dictionary, type MessageKey } from './id';

export type { MessageKey } from './id';

const dictionaries: Record<Language, Dictionary> = { id, en };
const STORAGE_KEY = 'pst.language';

// Reached through globalThis so this module also loads where there is no DOM (Node tests).
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const storage = (): KeyValueStore | undefined => (globalThis as { localStorage?: KeyValueStore }).localStorage;

function storedLanguage(): Language | null {
  try {
    const value = storage()?.getItem(STORAGE_KEY);
    return value === 'id' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

interface LanguageState {
  language: Language;
  /** True once the officer picked a language on this PC; the office default then no longer applies. */
  chosen: boolean;
  choose(language: Language): void;
  /** The office default from settings, used only until the officer chooses. */
  applyDefault(language: Language): void;
}

export const useLanguage = create<LanguageState>((set, get) => ({
  language: storedLanguage() ?? 'id',
  chosen: storedLanguage() !== null,
  choose(language) {
    try {
      storage()?.setItem(STORAGE_KEY, language);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    set({ language, chosen: true });
  },
  applyDefault(language) {
    if (!get().chosen) set({ language });
  },
}));

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  const text = dictionaries[language][key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The translate function for the current language; re-renders when the language changes. */
export function useT(): Translate {
  const language = useLanguage((s) => s.language);
  return (key, values) => translate(language, key, values);
}

/** Words what the core said by code (channel states, error reasons) in the current language. */
export function useCoreText(): (messages: readonly CoreMessage[]) => string {
  const language = useLanguage((s) => s.language);
  return (messages) => wordCoreMessages(language, messages);
}

/** The BCP 47 locale for dates and numbers in the current language. */
export const localeOf = (language: Language): string => (language === 'en' ? 'en-GB' : 'id-ID');
