export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * Splits a search snippet whose hits are wrapped in \u0002 … \u0003 into plain-text parts, so
 * the hits can be rendered as <mark> elements without ever parsing the text as HTML.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let current = '';
  for (const char of snippet) {
    if (char === '\u0002' || char === '\u0003') {
      if (current) parts.push({ text: current, hit });
      current = '';
      hit = char === '\u0002';
    } else {
      current += char;
    }
  }
  if (current) parts.push({ text: current, hit });
  return parts;
}
