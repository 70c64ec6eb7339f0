// The Windows package as configured: electron-builder's own validator and file matcher judge
// electron-builder.json, and the paths the Electron shell loads are checked against the build.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../electron.vite.config';
import { APP_FOLDER } from '../../src-main/core/paths';
import { APP_ID, appLayout, iconPath, PRELOAD_FILE } from '../../src-main/electron/layout';

const ROOT = resolve(import.meta.dirname, '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
const builderConfig = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface Stat {
  isDirectory(): boolean;
}
interface FileMatcher {
  patterns: string[];
  createFilter(): (file: string, stat: Stat) => boolean;
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { getMainFileMatchers, FileMatcher: Matcher } = require('app-builder-lib/out/fileMatcher');
const { DebugLogger } = require('builder-util');

/** The `files` filter exactly as electron-builder builds it for the app directory. */
function appFileFilter(): (relativePath: string) => boolean {
  const info = {
    isPrepackedAppAsar: false,
    config: structuredClone(builderConfig),
    projectDir: ROOT,
    buildResourcesDir: 'resources',
    debugLogger: new DebugLogger(false),
  };
  const [matcher] = getMainFileMatchers(ROOT, '/app', (p: string) => p, {}, { info }, join(ROOT, 'dist'), false) as FileMatcher[];
  const filter = matcher!.createFilter();
  return (path) => filter(join(ROOT, path), { isDirectory: () => false });
}

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('electron-builder.json', () => {
  it("passes electron-builder's own configuration validation", async () => {
    const config = await getConfig(ROOT, join(ROOT, 'electron-builder.json'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // …and the validator does reject a wrong option, so the line above can fail.
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('names the app as the shell and the data folder do', () => {
    expect(builderConfig.appId).toBe('id.go.bps.buleleng.pstconsole');
    expect(builderConfig.appId).toBe(APP_ID);
    expect(builderConfig.productName).toBe('PST Console');
    expect(packageJson.productName).toBe(builderConfig.productName);
    expect(APP_FOLDER).toBe(builderConfig.productName);
    expect(builderConfig.directories.output).toBe('dist');
  });

  it('builds a per-user NSIS installer for Windows x64 with a choosable folder and shortcuts', () => {
    expect(builderConfig.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(builderConfig.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      shortcutName: 'PST Console',
    });
  });

  it('has an icon of at least 256×256, shipped where the shell looks for it', () => {
    const icon = join(ROOT, builderConfig.win.icon);
    const { width, height } = pngSize(icon);
    expect(width).toBeGreaterThanOrEqual(256);
    expect(height).toBe(width);
    expect(statSync(icon).size).toBeGreaterThan(1000);
    const shipped = builderConfig.extraResources.find((r: { from: string }) => r.from === builderConfig.win.icon);
    expect(shipped?.to).toBe(basename(iconPath({ packaged: true, resourcesPath: '/r', appPath: '/a' })));
    expect(iconPath({ packaged: false, resourcesPath: '/r', appPath: ROOT })).toBe(icon);
  });

  it('packs the build output and package.json, never sources, tests or source maps', () => {
    const included = appFileFilter();
    for (const path of [
      'out/main/index.js',
      'out/main/server.js',
      'out/main/chunks/app-x.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-x.js',
      'package.json',
    ]) {
      expect(included(path), path).toBe(true);
    }
    for (const path of [
      'src-main/index.ts',
      'src-main/core/app.ts',
      'src-preload/index.ts',
      'src-renderer/main.tsx',
      'test/unit/packaging.test.ts',
      'scripts/start.mjs',
      'electron-builder.json',
      'out/main/index.js.map',
      'resources/icon.svg',
      'tsconfig.json',
    ]) {
      expect(included(path), path).toBe(false);
    }
  });

  it('keeps the native SQLite addon outside the asar', () => {
    const unpack = new Matcher(ROOT, '/app', (p: string) => p, builderConfig.asarUnpack).createFilter();
    const file = { isDirectory: () => false };
    expect(unpack(join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), file)).toBe(true);
    expect(unpack(join(ROOT, 'node_modules/better-sqlite3/lib/index.js'), file)).toBe(false);
  });
});

describe('build output and what the shell loads', () => {
  it('package.json main is the Electron entry that electron-vite builds from src-main/index.ts', () => {
    expect(packageJson.main).toBe('out/main/index.js');
    const mainInput = viteConfig.main?.build?.rollupOptions?.input as Record<string, string>;
    expect(mainInput.index).toBe(resolve(ROOT, 'src-main/index.ts'));
    expect(basename(packageJson.main, '.js')).toBe('index');
  });

  it('the preload the window loads is the CommonJS file the build writes', () => {
    const preload = viteConfig.preload?.build?.rollupOptions;
    expect((preload?.input as Record<string, string>).index).toBe(resolve(ROOT, 'src-preload/index.ts'));
    const output = preload?.output as { format: string; entryFileNames: string };
    expect(output.format).toBe('cjs');
    expect(output.entryFileNames.replace('[name]', 'index')).toBe(PRELOAD_FILE);

    const layout = appLayout(join(ROOT, 'out', 'main'));
    expect(layout.preloadPath).toBe(join(ROOT, 'out', 'preload', 'index.cjs'));
    expect(layout.rendererIndex).toBe(join(ROOT, 'out', 'renderer', 'index.html'));
  });
});
