import { z } from 'zod';
import type { LanSessionView, LanSettings, LanView } from '../../../src-preload/contract';
import { invalidInput, notFound, refuseInTraining } from '../errors';
import { bindable, listInterfaces, normalizeSubnet } from '../security/lan-address';
import { createSelfSigned, needsNewCertificate, readLanCertificate, validateImported, writeLanCertificate } from '../security/lan-certificate';
import type { CoreServices } from '../services';
import type { Db } from '../store/db';
import { officerQueries } from '../store/queries/officers';
import { hashToken, sessionQueries } from '../store/queries/sessions';
import { settingsQueries } from '../store/queries/settings';
import { mutation, query, type HandlerMap } from './define';
import { empty } from './schemas';

export const LAN_DEFAULTS: LanSettings = { enabled: false, bindAddresses: [], port: 8443, allowedSubnets: [], idleMinutes: 30 };
const LAN_SETTING = 'lan';

export function readLanSettings(db: Db): LanSettings {
  return { ...LAN_DEFAULTS, ...settingsQueries(db).get<Partial<LanSettings>>(LAN_SETTING, {}) };
}

/** Idle time of a session from another PC, as the admin set it. */
export const remoteIdleMs = (db: Db): number => readLanSettings(db).idleMinutes * 60_000;

function view(core: CoreServices): LanView {
  return {
    settings: readLanSettings(core.db),
    interfaces: listInterfaces(),
    certificate: readLanCertificate(core.db, core.secrets)?.view ?? null,
    urls: core.lan.urls(),
    problem: core.lan.problem(),
  };
}

const subnet = z.string().trim().min(1).max(43);
const settingsInput = z.strictObject({
  enabled: z.boolean(),
  bindAddresses: z.array(z.string().trim().max(15)).max(16),
  port: z.number().int().min(1024).max(65535),
  allowedSubnets: z.array(subnet).max(32),
  idleMinutes: z.number().int().min(1).max(720),
});

/** Normalised, or an error naming what the admin must fix. */
function checkSettings(input: LanSettings): LanSettings {
  const issues: { path: string; message: string }[] = [];
  const subnets: string[] = [];
  input.allowedSubnets.forEach((text, i) => {
    const normal = normalizeSubnet(text);
    if (normal === null) issues.push({ path: `allowedSubnets.${i}`, message: `Bukan subnet IPv4 (contoh 192.168.1.0/24): ${text}` });
    else if (!subnets.includes(normal)) subnets.push(normal);
  });
  input.bindAddresses.forEach((address, i) => {
    if (!bindable(address)) issues.push({ path: `bindAddresses.${i}`, message: `Bukan alamat PC ini: ${address}` });
  });
  if (issues.length > 0) throw invalidInput({ code: 'lan.invalid_settings' }, issues);
  const bindAddresses = [...new Set(input.bindAddresses)];
  if (input.enabled && bindAddresses.length === 0) throw invalidInput({ code: 'lan.no_address' });
  if (input.enabled && subnets.length === 0) throw invalidInput({ code: 'lan.no_subnet' });
  return { ...input, bindAddresses, allowedSubnets: subnets };
}

/** Ends every session from another PC in this transaction; the hosts close their streams after. */
function endRemoteSessions(core: CoreServices): string[] {
  return sessionQueries(core.db).deleteRemote();
}

export const lanHandlers = {
  'lan.get': query<'lan.get'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => view(core),
  }),

  'lan.set': mutation<'lan.set', { settings: LanSettings; certificate: { certificatePem: string; privateKeyPem: string } | null }>({
    access: 'admin',
    input: settingsInput,
    // Checking the addresses and making a certificate (a 2048-bit key) happen before the transaction.
    prepare: async (input, { core }) => {
      refuseInTraining(core);
      const settings = checkSettings(input);
      const current = readLanCertificate(core.db, core.secrets);
      const certificate =
        settings.enabled && needsNewCertificate(current, settings.bindAddresses) ? await createSelfSigned(settings.bindAddresses, core.now()) : null;
      return { settings, certificate };
    },
    run: (_input, { core }, { settings, certificate }) => {
      settingsQueries(core.db).set(LAN_SETTING, settings, core.now());
      if (certificate) writeLanCertificate(core.db, core.secrets, { ...certificate, source: 'self_signed' }, core.now());
      const ended = settings.enabled ? [] : endRemoteSessions(core);
      pendingEnded.set(core, ended);
      return view(core);
    },
    audit: (_input, out) => ({
      entityType: 'settings',
      entityId: 'lan',
      detail: { ...out.settings, fingerprint: out.certificate?.fingerprint ?? null },
    }),
    afterCommit: (_out, { core }) => {
      core.sessionEndings.ended(pendingEnded.get(core) ?? []);
      pendingEnded.delete(core);
      core.lan.apply();
    },
  }),

  'lan.importCertificate': mutation<'lan.importCertificate'>({
    access: 'admin',
    input: z.strictObject({ certificatePem: z.string().min(1).max(64_000), privateKeyPem: z.string().min(1).max(64_000) }),
    run: (input, { core }) => {
      refuseInTraining(core);
      const checked = validateImported(input.certificatePem, input.privateKeyPem, core.now());
      writeLanCertificate(core.db, core.secrets, { ...checked, source: 'imported' }, core.now());
      return view(core);
    },
    // The certificate is public; the key never goes into the audit log.
    audit: (_input, out) => ({ entityType: 'settings', entityId: 'lan.certificate', detail: { fingerprint: out.certificate?.fingerprint ?? null } }),
    afterCommit: (_out, { core }) => core.lan.apply(),
  }),

  'lan.listSessions': query<'lan.listSessions'>({
    access: 'admin',
    input: empty,
    run: (_input, { core, session }): LanSessionView[] => {
      const mine = session.get();
      const myId = mine ? hashToken(mine) : null;
      const officers = officerQueries(core.db);
      return sessionQueries(core.db)
        .live(core.now())
        .map((row) => ({
          id: row.id,
          officerId: row.officerId,
          officerName: officers.byId(row.officerId)?.displayName ?? '—',
          remoteAddress: row.remoteAddress,
          createdAt: row.createdAt,
          lastSeenAt: row.lastSeenAt,
          current: row.id === myId,
        }));
    },
  }),

  'lan.endSession': mutation<'lan.endSession'>({
    access: 'admin',
    input: z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/) }),
    run: (input, { core }) => {
      if (!sessionQueries(core.db).deleteById(input.id)) throw notFound({ code: 'lan.session_not_found' });
      return { ended: true };
    },
    audit: (input) => ({ entityType: 'session', entityId: input.id.slice(0, 12) }),
    afterCommit: (_out, { core }, input) => core.sessionEndings.ended([input.id]),
  }),
} satisfies HandlerMap;

// What a transaction ended, handed to its afterCommit (which sees only the output).
const pendingEnded = new WeakMap<CoreServices, string[]>();
