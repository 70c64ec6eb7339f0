import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentStore, putBlob } from '../../src-main/core/store/attachments';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));
const newRoot = () => {
  const root = mkdtempSync(join(tmpdir(), 'pst-blobs-'));
  roots.push(root);
  return root;
};
const allFiles = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

describe('attachment files by their sha256', () => {
  it('writes a file into its hash folder (made with the first file), once, and leaves no temp file', () => {
    const root = newRoot();
    const content = Buffer.from('%PDF-1.4 surat pengantar');
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(putBlob(root, content)).toEqual({ sha256, size: content.length });
    expect(putBlob(root, content)).toEqual({ sha256, size: content.length });
    expect(allFiles(root)).toEqual([sha256]);
    expect(new AttachmentStore(root).read(sha256).equals(content)).toBe(true);
  });

  it('a write that cannot be made throws and leaves nothing behind', () => {
    const root = newRoot();
    const content = Buffer.from('scan KTP');
    const sha256 = createHash('sha256').update(content).digest('hex');
    writeFileSync(join(root, sha256.slice(0, 2)), 'a file where the folder should be');
    expect(() => putBlob(root, content)).toThrow();
    expect(allFiles(root)).toEqual([sha256.slice(0, 2)]);
  });
});
