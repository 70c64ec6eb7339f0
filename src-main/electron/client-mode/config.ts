// How this PC starts the desktop app, kept in a small JSON file in the app's user-data folder.
// Pure (zod only): no electron here, so vitest can test it.
import { z } from 'zod';
import { normalizeFingerprint } from '../../core/security/certificate-pin';

export const START_CONFIG_FILE = 'start-config.json';

/** "PC ini adalah PC PST (host)": the store, the connectors and the outbox run here. */
export interface HostStart {
  mode: 'host';
  /** Start with Windows, in the tray, so the connectors run while the room is open (the admin's choice). */
  openAtLogin: boolean;
}

/** "Sambungkan ke PC PST": only the host's console is shown; no core, no connectors on this PC. */
export interface ClientStart {
  mode: 'client';
  /** The host's origin: https://address:port. */
  hostUrl: string;
  /** The host certificate's SHA-256 ("AB:CD:…"), pinned once the officer confirmed it; null until then. */
  fingerprint: string | null;
}

export type StartConfig = HostStart | ClientStart;

export type HostAddressProblem = 'empty' | 'not_url' | 'not_https' | 'has_path' | 'has_credentials';

/**
 * The host's address as typed ("192.168.1.20:8443", "https://pc-pst:8443/"), as an https origin.
 * Plain http is refused: off this PC the console is only served over HTTPS.
 */
export function parseHostAddress(input: string): { ok: true; url: string } | { ok: false; problem: HostAddressProblem } {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'not_url' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'not_https' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'has_credentials' };
  if (url.hostname === '') return { ok: false, problem: 'not_url' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') return { ok: false, problem: 'has_path' };
  return { ok: true, url: url.origin };
}

/** Words for a refused address, shown in the connect form. */
export const HOST_ADDRESS_PROBLEM_ID: Record<HostAddressProblem, string> = {
  empty: 'Tulis alamat PC PST, misalnya https://192.168.1.20:8443.',
  not_url: 'Alamat tidak dapat dibaca. Tulis seperti https://192.168.1.20:8443.',
  not_https: 'Alamat harus diawali https:// — PC PST hanya melayani PC lain lewat HTTPS.',
  has_path: 'Cukup alamat dan port PC PST, tanpa garis miring atau teks lain di belakangnya.',
  has_credentials: 'Alamat tidak boleh memuat nama pengguna atau kata sandi.',
};

const fingerprint = z.string().transform((value, ctx) => {
  const normal = normalizeFingerprint(value);
  if (!normal) ctx.addIssue({ code: 'custom', message: 'not a SHA-256 fingerprint' });
  return normal ?? '';
});

const schema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('host'), openAtLogin: z.boolean().default(true) }),
  z.object({
    mode: z.literal('client'),
    hostUrl: z.string().transform((value, ctx) => {
      const parsed = parseHostAddress(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
      return parsed.ok ? parsed.url : '';
    }),
    fingerprint: fingerprint.nullable().default(null),
  }),
]);

/**
 * The stored choice, or null when there is none yet or it cannot be read (then the app asks again,
 * as on the first start: a damaged file must not pin a wrong certificate or start a second host).
 */
export function parseStartConfig(text: string | null): StartConfig | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function serializeStartConfig(config: StartConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The host PC starts with Windows unless the admin turned it off; a client PC never does by itself. */
export const defaultHostStart = (): HostStart => ({ mode: 'host', openAtLogin: true });
