import { TZDate } from '@date-fns/tz';

/**
 * Reads the text of WhatsApp's "Ekspor chat" / "Export chat" as Android and iOS write it, in the
 * Indonesian and English phone locales. The export carries no time zone and no date order: times
 * are the phone's wall clock, and d/m against m/d is decided from the whole file at once.
 */

export type ExportFormat = 'android' | 'ios';
export type DateOrder = 'dmy' | 'mdy';

export interface ExportLine {
  /** 0-based index among the chat's entries (system lines included), in file order. */
  position: number;
  /** Milliseconds since the epoch, from the phone's wall clock in the given zone. */
  at: number;
  /** The wall-clock text as "YYYY-MM-DD HH:MM[:SS]", stable across re-exports from the same phone. */
  local: string;
  /** Null for a system line (the encryption notice, a changed security code). */
  sender: string | null;
  text: string;
  /** Files the message names: present in a zip export or only named. */
  files: string[];
  /** A file sent that the export left out ("<Media tidak disertakan>", "image omitted"). */
  mediaOmitted: boolean;
  /** "Pesan ini telah dihapus" / "This message was deleted": the sender took it back. */
  deleted: boolean;
  edited: boolean;
}

export interface ParsedExport {
  format: ExportFormat;
  order: DateOrder;
  lines: ExportLine[];
}

interface RawEntry {
  a: number;
  b: number;
  year: number;
  hour: number;
  minute: number;
  second: number | null;
  /** Written with AM/PM. */
  twelveHour: boolean;
  body: string[];
}

/** Invisible marks WhatsApp puts around names and system text (LRM, RLM, word joiner, BOM). */
const MARKS = /[\u200e\u200f\u2066-\u2069\ufeff]/g;
/** Spaces the phones use between the time and AM/PM (newer Android: narrow no-break space). */
const SPACE = '[ \\u00a0\\u202f]';
const DATE = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})`;
const TIME = String.raw`(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?(?:${SPACE}?([AaPp])\.?${SPACE}?[Mm]\.?)?`;
const ANDROID = new RegExp(String.raw`^${DATE},?${SPACE}${TIME}${SPACE}-${SPACE}([\s\S]*)$`);
const IOS = new RegExp(String.raw`^\[${DATE},?${SPACE}${TIME}\]${SPACE}([\s\S]*)$`);

/** Lines the phone writes about the chat itself; never a message of either side. */
const SYSTEM = [
  /^Pesan dan panggilan terenkripsi secara end-to-end/i,
  /^Messages and calls are end-to-end encrypted/i,
  /^Pesan ke chat ini dan panggilan kini diamankan/i,
  /^Messages to this chat and calls are now secured/i,
  /kode keamanan .* (?:telah )?berubah/i,
  /security code (?:with .* )?changed/i,
  /^Pesan sementara/i,
  /^Disappearing messages/i,
  /(?:mengganti|telah mengganti) nomor teleponnya/i,
  /changed (?:their|his|her) phone number/i,
  /^Anda memblokir kontak ini/i,
  /^You blocked this contact/i,
  /^Anda membuka blokir kontak ini/i,
  /^You unblocked this contact/i,
];

const OMITTED = [
  /^<Media tidak disertakan>$/i,
  /^<Media omitted>$/i,
  /^(?:gambar|video|audio|stiker|dokumen|GIF|kartu kontak) tidak disertakan$/i,
  /^(?:image|video|audio|sticker|document|GIF|Contact card) omitted$/i,
];
const DELETED = [/^Pesan ini telah dihapus\.?$/i, /^Anda menghapus pesan ini\.?$/i, /^This message was deleted\.?$/i, /^You deleted this message\.?$/i];
const EDITED = /\s*<(?:Pesan ini diedit|This message was edited)>$/i;
/** Android: "IMG-20261205-WA0003.jpg (file terlampir)"; iOS: "<lampiran: 00000012-PHOTO-….jpg>". */
const ANDROID_FILE = /^(.+?\.[A-Za-z0-9]{1,8}) \((?:file terlampir|file attached)\)$/i;
const IOS_FILE = /<(?:lampiran|attached): ([^>]+)>/gi;
const IOS_DOC_LINE = /^.+ • \d+ (?:halaman|pages?)$/i;

const cleanLine = (line: string) => line.replace(MARKS, '');

/** Splits the file into entries (a header line and its continuation lines), whichever phone wrote it. */
function entries(text: string): { format: ExportFormat; raw: RawEntry[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const iosCount = lines.filter((l) => IOS.test(cleanLine(l))).length;
  const androidCount = lines.filter((l) => ANDROID.test(cleanLine(l))).length;
  const format: ExportFormat = iosCount > androidCount ? 'ios' : 'android';
  const header = format === 'ios' ? IOS : ANDROID;
  const raw: RawEntry[] = [];
  for (const line of lines) {
    const m = header.exec(cleanLine(line));
    if (m) {
      const [, a, b, y, h, min, s, meridiem, rest] = m;
      let hour = Number(h);
      if (meridiem) hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
      const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
      raw.push({
        a: Number(a),
        b: Number(b),
        year,
        hour,
        minute: Number(min),
        second: s ? Number(s) : null,
        twelveHour: meridiem !== undefined,
        body: [rest ?? ''],
      });
    } else if (raw.length > 0) {
      // A line without a date continues the message above it (a multi-line message).
      raw[raw.length - 1]!.body.push(line);
    }
  }
  return { format, raw };
}

const key = (e: RawEntry, order: DateOrder) => {
  const [day, month] = order === 'dmy' ? [e.a, e.b] : [e.b, e.a];
  return ((e.year * 100 + month) * 100 + day) * 10_000 + e.hour * 100 + e.minute;
};

/** Messages are written in time order, so the right date order is the one that keeps them in it. */
const inversions = (raw: readonly RawEntry[], order: DateOrder) => raw.reduce((n, e, i) => (i > 0 && key(e, order) < key(raw[i - 1]!, order) ? n + 1 : n), 0);

/**
 * d/m or m/d, from the whole file: a first number above 12 can only be a day (and a second one
 * only a day too); otherwise the order that keeps the messages in time order; otherwise the
 * phone's habit: a 12-hour clock is the US English default, which writes m/d, and a 24-hour clock
 * is the Indonesian (and British) one, which writes d/m.
 */
function inferDateOrder(raw: readonly RawEntry[]): DateOrder {
  const firstIsDay = raw.some((e) => e.a > 12);
  const secondIsDay = raw.some((e) => e.b > 12);
  if (firstIsDay !== secondIsDay) return firstIsDay ? 'dmy' : 'mdy';
  const dmy = inversions(raw, 'dmy');
  const mdy = inversions(raw, 'mdy');
  if (mdy !== dmy) return mdy < dmy ? 'mdy' : 'dmy';
  return raw.length > 0 && raw.every((e) => e.twelveHour) ? 'mdy' : 'dmy';
}

const pad = (n: number) => String(n).padStart(2, '0');

function toLine(e: RawEntry, order: DateOrder, position: number, timeZone: string): ExportLine {
  const [day, month] = order === 'dmy' ? [e.a, e.b] : [e.b, e.a];
  const at = new TZDate(e.year, month - 1, day, e.hour, e.minute, e.second ?? 0, timeZone).getTime();
  const local = `${e.year}-${pad(month)}-${pad(day)} ${pad(e.hour)}:${pad(e.minute)}${e.second === null ? '' : `:${pad(e.second)}`}`;
  const first = cleanLine(e.body[0] ?? '');
  const rest = e.body.slice(1).map(cleanLine);
  const line: ExportLine = { position, at, local, sender: null, text: '', files: [], mediaOmitted: false, deleted: false, edited: false };
  const colon = first.indexOf(': ');
  if (colon < 0 || SYSTEM.some((p) => p.test(first))) {
    line.text = [first, ...rest].join('\n').trim();
    return line;
  }
  line.sender = first.slice(0, colon).trim();
  const bodyLines = [first.slice(colon + 2), ...rest];
  // iOS writes the chat's own system notices under the contact's name.
  if (SYSTEM.some((p) => p.test(bodyLines[0]!.trim()))) {
    line.sender = null;
    line.text = bodyLines.join('\n').trim();
    return line;
  }
  const kept: string[] = [];
  for (const [i, raw] of bodyLines.entries()) {
    const tags = [...raw.matchAll(IOS_FILE)].map((m) => m[1]!.trim());
    line.files.push(...tags);
    let rest = tags.length > 0 ? raw.replace(IOS_FILE, '').trim() : raw;
    // iOS writes a document's line as "name.pdf • 3 halaman" before its tag.
    if (tags.length > 0 && IOS_DOC_LINE.test(rest)) rest = '';
    const trimmed = rest.trim();
    const androidFile = ANDROID_FILE.exec(trimmed)?.[1];
    if (androidFile) line.files.push(androidFile.trim());
    else if (OMITTED.some((p) => p.test(trimmed))) line.mediaOmitted = true;
    else if (i === 0 && DELETED.some((p) => p.test(trimmed))) line.deleted = true;
    else if (tags.length === 0 || trimmed !== '') kept.push(rest);
  }
  let text = kept.join('\n').trim();
  if (EDITED.test(text)) {
    line.edited = true;
    text = text.replace(EDITED, '');
  }
  line.text = text;
  return line;
}

/** Reads a chat export; `timeZone` is the phone's (WITA unless the office says otherwise). */
export function parseChatExport(text: string, timeZone = 'Asia/Makassar'): ParsedExport {
  const { format, raw } = entries(text);
  const order = inferDateOrder(raw);
  return { format, order, lines: raw.map((e, i) => toLine(e, order, i, timeZone)) };
}
