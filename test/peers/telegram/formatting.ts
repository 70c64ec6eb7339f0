// Text formatting as the Bot API applies it: parse_mode markup becomes plain text + entities
// (lengths are then counted in UTF-16 code units), and markup errors give the real 400 texts.
import type { MessageEntity } from 'grammy/types';
import { badRequest } from './types';

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

export function applyParseMode(input: string, parseMode: string | undefined): FormattedText {
  const mode = (parseMode ?? '').toLowerCase();
  if (mode === '') return { text: input, entities: [] };
  if (mode === 'html') return parseHtml(input);
  if (mode === 'markdownv2') return parseMarkdownV2(input);
  if (mode === 'markdown') return parseLegacyMarkdown(input);
  throw badRequest(`unsupported parse_mode`);
}

const entityError = (detail: string) => badRequest(`can't parse entities: ${detail}`);
const byteOffset = (input: string, index: number) => Buffer.byteLength(input.slice(0, index));

const htmlTags: Record<string, MessageEntity['type']> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

function decodeHtmlEntity(name: string): string | null {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
  if (name in named) return named[name] ?? null;
  const numeric = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(name);
  if (!numeric?.[1]) return null;
  const code = numeric[1].startsWith('x') || numeric[1].startsWith('X') ? parseInt(numeric[1].slice(1), 16) : parseInt(numeric[1], 10);
  return String.fromCodePoint(code);
}

function parseHtml(input: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: Array<{ tag: string; offset: number; attributes: string }> = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i] as string;
    if (char === '&') {
      const end = input.indexOf(';', i);
      const decoded = end > i ? decodeHtmlEntity(input.slice(i + 1, end)) : null;
      if (decoded !== null) {
        text += decoded;
        i = end + 1;
        continue;
      }
      text += char; // Telegram keeps an unknown &...; literally
      i += 1;
      continue;
    }
    if (char !== '<') {
      text += char;
      i += 1;
      continue;
    }
    const close = input.indexOf('>', i);
    const isEnd = input[i + 1] === '/';
    const name = /^[a-zA-Z0-9-]*/.exec(input.slice(i + (isEnd ? 2 : 1)))?.[0].toLowerCase() ?? '';
    if (isEnd) {
      const top = open.pop();
      if (!top || close === -1) throw entityError(`Unexpected end tag at byte offset ${byteOffset(input, i)}`);
      if (top.tag !== name) throw entityError(`Unmatched end tag at byte offset ${byteOffset(input, i)}, expected "</${top.tag}>", found "</${name}>"`);
      pushHtmlEntity(entities, top, text.length);
      i = close + 1;
      continue;
    }
    if (!(name in htmlTags) || close === -1) throw entityError(`Unsupported start tag "${name}" at byte offset ${byteOffset(input, i)}`);
    open.push({ tag: name, offset: text.length, attributes: input.slice(i + 1 + name.length, close) });
    i = close + 1;
  }
  const unclosed = open.pop();
  if (unclosed) throw entityError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text, entities: entities.sort((a, b) => a.offset - b.offset) };
}

function pushHtmlEntity(entities: MessageEntity[], tag: { tag: string; offset: number; attributes: string }, end: number): void {
  const length = end - tag.offset;
  if (length <= 0) return; // empty entities are dropped, as by Telegram
  const type = htmlTags[tag.tag] ?? 'bold';
  const attribute = (key: string) => new RegExp(`${key}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag.attributes)?.[1];
  if (type === 'text_link') entities.push({ type, offset: tag.offset, length, url: attribute('href') ?? '' });
  else if (type === 'pre') {
    const language = /language-([\w+-]+)/.exec(tag.attributes)?.[1];
    entities.push(language ? { type, offset: tag.offset, length, language } : { type, offset: tag.offset, length });
  } else if (type === 'custom_emoji') entities.push({ type, offset: tag.offset, length, custom_emoji_id: attribute('emoji-id') ?? '' });
  else if (type === 'blockquote' && /expandable/i.test(tag.attributes)) entities.push({ type: 'expandable_blockquote', offset: tag.offset, length });
  else entities.push({ type, offset: tag.offset, length } as MessageEntity);
}

const markdownReserved = '_*[]()~`>#+-=|{}.!';
const markdownNames: Record<string, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  spoiler: 'Spoiler',
  text_link: 'TextUrl',
};

function parseMarkdownV2(input: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: Array<{ type: string; offset: number; at: number }> = [];
  const toggle = (type: string, at: number) => {
    const index = open.findIndex((entry) => entry.type === type);
    if (index === -1) {
      open.push({ type, offset: text.length, at });
      return;
    }
    const [entry] = open.splice(index, 1);
    if (entry && text.length > entry.offset) entities.push({ type, offset: entry.offset, length: text.length - entry.offset } as MessageEntity);
  };
  let i = 0;
  while (i < input.length) {
    const char = input[i] as string;
    if (char === '\\' && i + 1 < input.length) {
      text += input[i + 1];
      i += 2;
    } else if (char === '*') {
      toggle('bold', i);
      i += 1;
    } else if (char === '~') {
      toggle('strikethrough', i);
      i += 1;
    } else if (char === '_' && input[i + 1] === '_') {
      toggle('underline', i);
      i += 2;
    } else if (char === '_') {
      toggle('italic', i);
      i += 1;
    } else if (char === '|' && input[i + 1] === '|') {
      toggle('spoiler', i);
      i += 2;
    } else if (char === '`') {
      const fence = input.startsWith('```', i);
      const marker = fence ? '```' : '`';
      const end = input.indexOf(marker, i + marker.length);
      if (end === -1) throw entityError(`Can't find end of ${fence ? 'Pre' : 'Code'} entity at byte offset ${byteOffset(input, i)}`);
      let body = input.slice(i + marker.length, end);
      let language: string | undefined;
      if (fence) {
        const newline = body.indexOf('\n');
        if (newline > 0 && /^[\w+-]+$/.test(body.slice(0, newline))) language = body.slice(0, newline);
        if (newline >= 0) body = body.slice(newline + 1);
      }
      body = body.replace(/\\([`\\])/g, '$1');
      if (body.length > 0)
        entities.push(
          fence
            ? { type: 'pre', offset: text.length, length: body.length, ...(language ? { language } : {}) }
            : { type: 'code', offset: text.length, length: body.length },
        );
      text += body;
      i = end + marker.length;
    } else if (char === '[') {
      open.push({ type: 'text_link', offset: text.length, at: i });
      i += 1;
    } else if (char === ']' && open.some((entry) => entry.type === 'text_link') && input[i + 1] === '(') {
      const end = input.indexOf(')', i);
      if (end === -1) throw entityError(`Can't find end of a URL at byte offset ${byteOffset(input, i + 2)}`);
      const index = open.map((entry) => entry.type).lastIndexOf('text_link');
      const [entry] = open.splice(index, 1);
      const url = input.slice(i + 2, end).replace(/\\([)\\])/g, '$1');
      if (entry && text.length > entry.offset) entities.push({ type: 'text_link', offset: entry.offset, length: text.length - entry.offset, url });
      i = end + 1;
    } else if (char === '>' && (i === 0 || input[i - 1] === '\n')) {
      const lineEnd = input.indexOf('\n', i);
      const inner = parseMarkdownV2(input.slice(i + 1, lineEnd === -1 ? input.length : lineEnd));
      entities.push({ type: 'blockquote', offset: text.length, length: inner.text.length });
      for (const entity of inner.entities) entities.push({ ...entity, offset: entity.offset + text.length });
      text += inner.text;
      i = lineEnd === -1 ? input.length : lineEnd;
    } else if (markdownReserved.includes(char)) {
      throw entityError(`Character '${char}' is reserved and must be escaped with the preceding '\\'`);
    } else {
      text += char;
      i += 1;
    }
  }
  const unclosed = open.pop();
  if (unclosed) throw entityError(`Can't find end of ${markdownNames[unclosed.type] ?? unclosed.type} entity at byte offset ${byteOffset(input, unclosed.at)}`);
  return { text, entities: entities.filter((entity) => entity.length > 0).sort((a, b) => a.offset - b.offset) };
}

/** Legacy Markdown: *bold*, _italic_, `code`, [text](url); no escaping of other characters. */
function parseLegacyMarkdown(input: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const pattern = /\*([^*]+)\*|_([^_]+)_|`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)/g;
  let last = 0;
  for (const match of input.matchAll(pattern)) {
    text += input.slice(last, match.index);
    const [, bold, italic, code, linkText, url] = match;
    const inner = bold ?? italic ?? code ?? linkText ?? '';
    const type = bold !== undefined ? 'bold' : italic !== undefined ? 'italic' : code !== undefined ? 'code' : 'text_link';
    entities.push(
      type === 'text_link' ? { type, offset: text.length, length: inner.length, url: url ?? '' } : { type, offset: text.length, length: inner.length },
    );
    text += inner;
    last = match.index + match[0].length;
  }
  text += input.slice(last);
  if (/[*_`[]/.test(input.slice(last))) throw entityError(`Can't find end of the entity starting at byte offset ${byteOffset(input, last)}`);
  return { text, entities };
}

/** Entities Telegram detects by itself in a user's text: commands, links, e-mail addresses. */
export function detectEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const detect = (pattern: RegExp, type: 'bot_command' | 'url' | 'email') => {
    for (const match of text.matchAll(pattern)) {
      const lead = match[1] ?? '';
      const value = match[2] ?? '';
      entities.push({ type, offset: match.index + lead.length, length: value.length });
    }
  };
  detect(/(^|\s)(\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?)(?![\w/])/g, 'bot_command');
  detect(/(^|\s)(https?:\/\/[^\s]+)/g, 'url');
  detect(/(^|\s)([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g, 'email');
  return entities.sort((a, b) => a.offset - b.offset);
}
