/**
 * An Indonesian mobile number as +62…: accepts 08…, 628…, +628… with spaces, dots, dashes or
 * parentheses. Returns null for anything that is not a plausible mobile number (8–13 digits after 0).
 */
export function normalizeWhatsapp(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  const national = /^\+?62(8\d{7,12})$/.exec(compact)?.[1] ?? /^0(8\d{7,12})$/.exec(compact)?.[1];
  return national ? `+62${national}` : null;
}

/** The click-to-chat link for a stored +62… number. */
export const whatsappLink = (e164: string): string => `https://wa.me/${e164.replace(/\D/g, '')}`;

/** Click-to-chat with the text filled in: WhatsApp Desktop or the browser opens it, the officer presses send. */
export const whatsappChatLink = (e164: string, text: string): string => `${whatsappLink(e164)}?text=${encodeURIComponent(text)}`;
