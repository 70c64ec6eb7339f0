/**
 * A file name as stored and offered for saving: the last path segment only (either slash), no
 * control or reserved characters (Windows forbids <>:"|?* in names), no leading dots or trailing
 * dots/spaces (Windows drops them), not a reserved device name, at most 200 characters keeping the
 * extension. Blobs live under their hash, so this protects the officer's Save dialog and the
 * requester's mailbox, not the attachments folder.
 */
const FALLBACK = 'lampiran';
const MAX = 200;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safeFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, MAX - ext.length) + ext;
  }
  return name === '' || /^_+$/.test(name) ? FALLBACK : name;
}
