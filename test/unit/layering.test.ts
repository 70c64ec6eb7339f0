import { ESLint } from 'eslint';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/host';

// The layering of DESIGN §3 is enforced by `npm run lint` (eslint.config.js) and by one tsconfig per
// runtime. These tests show that a violation really fails, so the rule cannot rot silently.
const eslint = new ESLint({ cwd: REPO_ROOT });

async function lintErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, filePath) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import rule', () => {
  it('fails src-main/core → electron', async () => {
    const errors = await lintErrors("import { app } from 'electron';\nexport const name = app.getName();\n", 'src-main/core/violation.ts');
    expect(errors.join('\n')).toMatch(/no-restricted-imports.*src-main\/core runs under plain Node/);
    expect(await lintErrors("const e = await import('electron/main');\nexport default e;\n", 'src-main/core/violation.ts')).not.toEqual([]);
  });

  it('fails src-main/core → a host', async () => {
    const errors = await lintErrors("import { startBrowserHost } from '../server/host';\nexport default startBrowserHost;\n", 'src-main/core/violation.ts');
    expect(errors.join('\n')).toMatch(/must not depend on a host/);
    const shared = await lintErrors(
      "import { trainingFlags } from '../../host/training';\nexport default trainingFlags;\n",
      'src-main/core/training/violation.ts',
    );
    expect(shared.join('\n')).toMatch(/must not depend on a host/);
  });

  it('fails an upward import inside src-main/core, type-only included', async () => {
    const cases: [string, string][] = [
      ["import { ingest } from '../../inbound/ingest';\nexport default ingest;\n", 'src-main/core/store/queries/violation.ts'],
      ["import type { CoreServices } from '../services';\nexport type S = CoreServices;\n", 'src-main/core/domain/violation.ts'],
      ["export { enqueueOutgoing } from '../outbox/outbox';\n", 'src-main/core/workflow/../calendar/violation.ts'],
      ["const m = await import('../api');\nexport default m;\n", 'src-main/core/channels/violation.ts'],
    ];
    for (const [code, file] of cases) {
      expect((await lintErrors(code, file)).join('\n'), `${file}: ${code}`).toMatch(/pst\/core-layers.*imports only go down/);
    }
  });

  it('allows downward and same-layer imports inside src-main/core', async () => {
    const code =
      "import { previewOf } from '../domain/preview';\nimport { enqueueOutgoing } from '../outbox/outbox';\nimport { writeActivity } from './activity';\nexport default [previewOf, enqueueOutgoing, writeActivity];\n";
    expect(await lintErrors(code, 'src-main/core/workflow/ok.ts')).toEqual([]);
  });

  it('fails a core folder that has no layer', async () => {
    const errors = await lintErrors("import { previewOf } from '../domain/preview';\nexport default previewOf;\n", 'src-main/core/newfeature/x.ts');
    expect(errors.join('\n')).toMatch(/'newfeature' has no layer/);
  });

  it('keeps src-common pure: its own files and contract types only', async () => {
    const bad = [
      "import { z } from 'zod';\nexport const s = z.string();\n",
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      "import { previewOf } from '../src-main/core/domain/preview';\nexport const p = previewOf;\n",
      "import { x } from '../src-preload/contract';\nexport const y = x;\n",
      "export { create } from 'zustand';\n",
      "import '../src-preload/index';\nexport {};\n",
      "import type { X } from '../../src-renderer/i18n';\nexport type Y = X;\n",
    ];
    for (const code of bad) expect(await lintErrors(code, 'src-common/violation.ts'), code).not.toEqual([]);
    const good =
      "import type { Role } from '../src-preload/contract';\nimport { roleAllows } from './roles';\nexport const adminOnly = (r: Role) => roleAllows(r, 'admin');\n";
    expect(await lintErrors(good, 'src-common/ok.ts')).toEqual([]);
    const nested =
      "import type { CoreMessage } from '../../src-preload/contract';\nimport { roleAllows } from '../roles';\nexport const m = (c: CoreMessage) => [c, roleAllows];\n";
    expect(await lintErrors(nested, 'src-common/messages/ok.ts')).toEqual([]);
  });

  it('lets both the core and the renderer use src-common', async () => {
    expect(
      await lintErrors(
        "import { normalizeWhatsapp } from '../../../src-common/whatsapp';\nexport default normalizeWhatsapp;\n",
        'src-main/core/workflow/ok.ts',
      ),
    ).toEqual([]);
    expect(
      await lintErrors("import { normalizeWhatsapp } from '../../src-common/whatsapp';\nexport default normalizeWhatsapp;\n", 'src-renderer/requester/ok.ts'),
    ).toEqual([]);
  });

  it('fails src-renderer → main code, Node modules, or a value import of the contract', async () => {
    const cases = [
      "import { createCore } from '../src-main/core/app';",
      "import { readFileSync } from 'node:fs';",
      "import { readFileSync } from 'fs';",
      "import Database from 'better-sqlite3';",
      "import { ipcRenderer } from 'electron';",
      "import { something } from '../src-preload/contract';",
      "import '../src-preload/index';",
    ];
    for (const code of cases) {
      expect(await lintErrors(`${code}\nexport {};\n`, 'src-renderer/violation.ts'), code).not.toEqual([]);
    }
  });

  it('allows the renderer a type import of the contract and web packages', async () => {
    const code =
      "import type { PstBridge } from '../src-preload/contract';\nimport { create } from 'zustand';\nexport const x: PstBridge | null = null;\nexport const y = create;\n";
    expect(await lintErrors(code, 'src-renderer/ok.ts')).toEqual([]);
  });

  it('allows electron in the Electron shell', async () => {
    expect(await lintErrors("import { app } from 'electron';\nexport const n = app.getName();\n", 'src-main/electron/ok.ts')).toEqual([]);
  });
});

describe('per-runtime tsconfig', () => {
  function compileWith(config: string, code: string): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'pst-layer-'));
    try {
      const file = join(dir, 'violation.ts');
      writeFileSync(file, code);
      const parsed = ts.getParsedCommandLineOfConfigFile(join(REPO_ROOT, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
      const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('gives renderer code DOM types and no Node types', () => {
    expect(compileWith('tsconfig.web.json', 'export const t = document.title;\n')).toEqual([]);
    expect(compileWith('tsconfig.web.json', 'export const cwd = process.cwd();\n').join('\n')).toMatch(/Cannot find name 'process'/);
  });

  it('gives main code Node types and no DOM types', () => {
    expect(compileWith('tsconfig.node.json', 'export const cwd = process.cwd();\n')).toEqual([]);
    expect(compileWith('tsconfig.node.json', 'export const t = document.title;\n').join('\n')).toMatch(/Cannot find name 'document'/);
  });
});

describe('.only rule', () => {
  // A committed .only runs one test and silently skips the rest; lint refuses it in every form.
  it('fails describe.only, it.only, test.only and member chains such as test.describe.only', async () => {
    // Built from parts, so that a search of the tree for a committed .only finds none here.
    const only = 'only';
    const cases = ['test.describe', 'test.describe.serial', 'describe', 'it', 'test'].map((callee) => `${callee}.${only}('x', () => {});`);
    for (const code of cases) {
      expect((await lintErrors(`${code}\nexport {};\n`, 'test/e2e/violation.spec.ts')).join('\n'), code).toMatch(
        /no-restricted-syntax: \.only must not be committed/,
      );
    }
    expect(await lintErrors("test.describe('x', () => {});\nexport {};\n", 'test/e2e/ok.spec.ts')).toEqual([]);
  });
});
