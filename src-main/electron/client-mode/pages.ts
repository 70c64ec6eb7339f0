// The few pages the desktop client shows itself (before or instead of the host's console), as
// data: URLs without scripts. Pure: no electron here.
import { HOST_ADDRESS_PROBLEM_ID, parseHostAddress } from './config';

/** The connect form submits here; the window catches the navigation and never loads it. */
export const SETUP_SUBMIT_URL = 'https://pst-setup.invalid/connect';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Segoe UI",sans-serif;max-width:640px;margin:48px auto;padding:0 24px;color:#242424;line-height:1.5}
h1{font-size:22px;font-weight:600}code{font-family:Consolas,monospace;word-break:break-all;background:#f5f5f5;padding:2px 4px}
input{font:inherit;width:100%;padding:6px 8px;box-sizing:border-box}button{font:inherit;margin-top:12px;padding:6px 16px}
.error{color:#b10e1c}</style></head><body>${body}</body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/** "Sambungkan ke PC PST": the host's address, with the reason when the last one was refused. */
export function setupPage(previous?: { address: string; problem: string | null }): string {
  return page(
    'Sambungkan ke PC PST',
    `<h1>Sambungkan ke PC PST</h1>
<p>PC ini hanya menampilkan konsol dari PC PST; pesan Telegram dan email diurus oleh PC PST. Alamatnya tertulis di PC PST,
di <b>Pengaturan › Beberapa PC</b>.</p>
<form method="get" action="${SETUP_SUBMIT_URL}">
<label for="address">Alamat PC PST</label>
<input id="address" name="address" placeholder="https://192.168.1.20:8443" value="${escapeHtml(previous?.address ?? '')}" autofocus>
${previous?.problem ? `<p class="error">${escapeHtml(previous.problem)}</p>` : ''}
<button type="submit">Sambungkan</button>
</form>`,
  );
}

/** What the connect form sent: the host's origin, or the words for why the address was refused. */
export function readSetupSubmission(url: string): { ok: true; hostUrl: string } | { ok: false; address: string; problem: string } | null {
  if (!url.startsWith(`${SETUP_SUBMIT_URL}?`)) return null;
  const address = new URL(url).searchParams.get('address') ?? '';
  const parsed = parseHostAddress(address);
  return parsed.ok ? { ok: true, hostUrl: parsed.url } : { ok: false, address, problem: HOST_ADDRESS_PROBLEM_ID[parsed.problem] };
}

/** The host presented another certificate than the one pinned on this PC: nothing is loaded. */
export function mismatchPage(hostUrl: string, pinned: string, presented: string | null): string {
  return page(
    'Sertifikat PC PST tidak cocok',
    `<h1>Sambungan ditolak: sertifikat PC PST tidak cocok</h1>
<p>Alamat <code>${escapeHtml(hostUrl)}</code> menjawab dengan sertifikat lain daripada yang dikonfirmasi di PC ini.
Bisa jadi ada perangkat lain di jaringan yang menyamar sebagai PC PST, jadi konsol tidak dibuka dan tidak ada yang dikirim.</p>
<p>Sidik jari yang dikonfirmasi:<br><code>${escapeHtml(pinned)}</code></p>
<p>Sidik jari yang diterima sekarang:<br><code>${escapeHtml(presented ?? 'tidak terbaca')}</code></p>
<p>Hubungi admin. Bila admin memang mengganti sertifikat PC PST, pilih <b>Atur ulang sambungan</b> dari ikon PST Console di
baki sistem, lalu cocokkan sidik jari yang baru dengan <b>Pengaturan › Beberapa PC</b> di PC PST.</p>`,
  );
}

/** The host did not answer at all (before any page of it was shown). */
export function unreachablePage(hostUrl: string): string {
  return page(
    'PC PST tidak terjangkau',
    `<h1>PC PST tidak terjangkau</h1>
<p>Tidak ada jawaban dari <code>${escapeHtml(hostUrl)}</code>. Pastikan PC PST menyala, PST Console berjalan di sana dan
"Layani PC lain di jaringan kantor" aktif. PC ini mencoba lagi setiap 15 detik.</p>`,
  );
}

/** The first connection: what the officer compares with the host's settings page. */
export function confirmFingerprintText(hostUrl: string, fingerprint: string): { message: string; detail: string } {
  return {
    message: 'Cocokkan sidik jari sertifikat PC PST',
    detail:
      `PC PST di ${hostUrl} menunjukkan sidik jari SHA-256 ini:\n\n${fingerprint}\n\n` +
      'Bandingkan dengan yang tertulis di PC PST, di Pengaturan › Beberapa PC. Hanya bila sama persis, pilih "Sama, sambungkan". ' +
      'PC ini lalu hanya menerima sertifikat ini dari PC PST.',
  };
}
