/**
 * Several PCs in one office: the host PC serves the console to the other PCs over HTTPS on the
 * office network (admin only), and the admin sees and ends the sessions.
 */
import type { CoreMessage } from './base';

export interface LanSettings {
  /** "Layani PC lain di jaringan kantor"; off by default. */
  enabled: boolean;
  /** IPv4 addresses of this PC's network interfaces to listen on. */
  bindAddresses: string[];
  port: number;
  /** CIDR ranges ("192.168.1.0/24") the other PCs may connect from; everything else is refused. */
  allowedSubnets: string[];
  /** A session from another PC ends after this many minutes without use. */
  idleMinutes: number;
}

/** One IPv4 address of one of this PC's network interfaces. */
export interface LanInterfaceView {
  name: string;
  address: string;
  /** Its network as CIDR ("192.168.1.0/24"), a likely allowed subnet. */
  cidr: string | null;
  internal: boolean;
}

export interface LanCertificateView {
  /** SHA-256 of the certificate, colon hex as browsers show it: what the other PCs confirm once. */
  fingerprint: string;
  source: 'self_signed' | 'imported';
  /** The addresses the certificate names (subjectAltName). */
  addresses: string[];
  validFrom: number;
  validTo: number;
}

export interface LanView {
  settings: LanSettings;
  interfaces: LanInterfaceView[];
  /** Null until the service is first switched on (the certificate is made then) or one is imported. */
  certificate: LanCertificateView | null;
  /** Addresses the other PCs open now ("https://192.168.1.10:8443"); empty while off. */
  urls: string[];
  /** Why the service is not running although switched on (the port is taken...); null otherwise. */
  problem: CoreMessage | null;
}

export interface LanSessionView {
  /** Opaque id for lan.endSession. */
  id: string;
  officerId: number;
  officerName: string;
  /** The other PC's address; null: this PC (its own window or browser). */
  remoteAddress: string | null;
  createdAt: number;
  lastSeenAt: number;
  /** The admin's own session (ending it logs them out). */
  current: boolean;
}

export interface LanMethods {
  'lan.get': { input: Record<string, never>; output: LanView };
  /** Switching off ends every session from another PC at once. */
  'lan.set': { input: LanSettings; output: LanView };
  /** An office certificate instead of the console's own: PEM certificate and its PEM private key. */
  'lan.importCertificate': { input: { certificatePem: string; privateKeyPem: string }; output: LanView };
  /** Every live session, of this PC and of the others. */
  'lan.listSessions': { input: Record<string, never>; output: LanSessionView[] };
  'lan.endSession': { input: { id: string }; output: { ended: boolean } };
}
