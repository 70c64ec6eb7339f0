import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { electronAbi, electronAction, electronBinary, loadsInNode, nodeAction } from '../../scripts/native-abi.mjs';

const here = { platform: process.platform, arch: process.arch };

describe('native-abi decisions', () => {
  it('keeps a Node build that loads and rebuilds one that does not', () => {
    expect(nodeAction({ marker: null, loads: true })).toBe('ok');
    expect(nodeAction({ marker: { runtime: 'node' }, loads: true })).toBe('ok');
    expect(nodeAction({ marker: { runtime: 'electron' }, loads: false })).toMatch(/^rebuild.*Electron/);
    expect(nodeAction({ marker: null, loads: false })).toMatch(/^rebuild/);
  });

  it('trusts an Electron build only for the same ABI, platform and arch', () => {
    expect(electronAction({ marker: { runtime: 'electron', abi: '150', ...here }, abi: '150' })).toBe('ok');
    expect(electronAction({ marker: { runtime: 'electron', abi: '140', ...here }, abi: '150' })).toBe('rebuild');
    expect(electronAction({ marker: { runtime: 'node', abi: '150', ...here }, abi: '150' })).toBe('rebuild');
    expect(electronAction({ marker: { runtime: 'electron', abi: '150', platform: 'win32-other', arch: here.arch }, abi: '150' })).toBe('rebuild');
    expect(electronAction({ marker: null, abi: '150' })).toBe('rebuild');
  });
});

describe('this machine', () => {
  it("reads Electron's ABI without its runtime, and finds the runtime only if it is really there", () => {
    expect(electronAbi()).toMatch(/^\d{3}$/);
    expect(electronAbi()).not.toBe(process.versions.modules);
    const binary = electronBinary();
    expect(binary === null || existsSync(binary)).toBe(true);
  });

  it('has better-sqlite3 loadable by this Node (tests run it through ensureNodeAbi first)', () => {
    expect(loadsInNode()).toBe(true);
  });
});
