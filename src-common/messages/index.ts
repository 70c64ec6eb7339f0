import type { CoreMessage, Language } from '../../src-preload/contract';
import { coreMessagesEn } from './en';
import { coreMessagesId, type CoreMessageCode } from './id';

export type { CoreMessageCode } from './id';

const catalogs: Record<Language, Record<CoreMessageCode, string>> = { id: coreMessagesId, en: coreMessagesEn };

/** A core message in one language; {name} placeholders take the params. An unknown code shows as itself. */
export function wordCoreMessage(language: Language, message: CoreMessage): string {
  const text: string = (catalogs[language] as Record<string, string>)[message.code] ?? message.code;
  const params = message.params;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

/** Several messages as one line (a channel's state and its reasons). */
export const wordCoreMessages = (language: Language, messages: readonly CoreMessage[]): string => messages.map((m) => wordCoreMessage(language, m)).join(' · ');
