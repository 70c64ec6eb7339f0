// Types for scripts/native-abi.mjs (used by test/unit/electron-native-abi.test.ts).
export interface RuntimeMarker {
  runtime: 'node' | 'electron';
  abi: string;
  platform: string;
  arch: string;
  fingerprint: string;
}
export const ROOT: string;
export const ADDON: string;
export const MARKER: string;
export function readMarker(): RuntimeMarker | null;
export function electronBinary(): string | null;
export function electronAbi(): string | null;
export function loadsInNode(): boolean;
export function nodeAction(state: { marker: Pick<RuntimeMarker, 'runtime'> | null; loads: boolean }): string;
export function electronAction(state: { marker: Omit<RuntimeMarker, 'fingerprint'> | null; abi: string }): 'ok' | 'rebuild';
export function ensureNodeAbi(): string;
export function ensureElectronAbi(target?: { platform?: string; arch?: string }): 'ok' | 'rebuilt';
export function status(): {
  addon: string | null;
  marker: RuntimeMarker | null;
  loadsInNode: boolean;
  electronAbi: string | null;
  electronBinary: string | null;
};
