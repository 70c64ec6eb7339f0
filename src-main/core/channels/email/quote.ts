/**
 * Folds quoted history out of a reply for display: the officer reads what is new, and the full
 * text stays available (email_messages.full_text). Conservative: only a trailing block is folded
 * (an attribution line "On … wrote:" / "Pada … menulis:" / an Outlook "-----Original Message-----"
 * or "From:" header block, or `>` lines), and never the whole message.
 */
const ATTRIBUTION = [
  /^\s*(On|Pada|Le|Am)\b.{0,300}\b(wrote|menulis|a écrit|schrieb)\s*:\s*$/i,
  /^\s*-{2,}\s*(Original Message|Pesan Asli|Forwarded message|Pesan yang Diteruskan)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
];
const OUTLOOK_HEADER = /^\s*(From|Dari)\s*:\s*\S/i;
const OUTLOOK_NEXT = /^\s*(Sent|Dikirim|Date|Tanggal|To|Kepada|Subject|Perihal)\s*:/i;

export interface FoldedText {
  /** What the requester wrote now. */
  text: string;
  /** The folded history, or null. */
  quoted: string | null;
}

export function foldQuoted(full: string): FoldedText {
  const lines = full.replace(/\r\n/g, '\n').split('\n');
  let cut = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (ATTRIBUTION.some((re) => re.test(line)) || (OUTLOOK_HEADER.test(line) && OUTLOOK_NEXT.test(lines[i + 1] ?? ''))) {
      cut = i;
      break;
    }
    // A two-line attribution: "On Mon, 1 Jan 2026 at 10:00, Someone <a@b>" / "wrote:".
    if (/^\s*(On|Pada)\b/i.test(line) && /^\s*\S*.{0,200}(wrote|menulis)\s*:\s*$/i.test(lines[i + 1] ?? '')) {
      cut = i;
      break;
    }
  }
  if (cut < 0) {
    // Only a trailing run of `>` lines (blank lines allowed) is history; interleaved quotes stay.
    let start = lines.length;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] ?? '';
      if (/^\s*>/.test(line)) start = i;
      else if (line.trim() !== '') break;
    }
    if (start < lines.length && lines.slice(start).some((l) => /^\s*>/.test(l))) cut = start;
  }
  if (cut <= 0) return { text: full, quoted: null };
  const text = lines.slice(0, cut).join('\n').trimEnd();
  if (text.trim() === '') return { text: full, quoted: null };
  return { text, quoted: lines.slice(cut).join('\n') };
}
