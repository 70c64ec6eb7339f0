/** The one-line preview the inbox shows for a message: whitespace folded, at most 160 characters. */
export const previewOf = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, 160);
