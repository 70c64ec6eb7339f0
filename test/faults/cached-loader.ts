/**
 * Starts a CommonJS bundle with V8's code cache: `node loader.mjs <bundle.cjs>`. Compiling the
 * child's 14 MB bundle is most of its start-up (about 0.5 s on an idle machine, 2–3 s on a loaded
 * one); with the cache it takes about half. The cache sits next to the bundle, is written once
 * (atomically: a kill -9 may come at any moment) and is rebuilt when V8 rejects it (a new bundle).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

const file = process.argv[2];
if (!file) throw new Error('usage: node loader.mjs <bundle.cjs>');
const cacheFile = `${file}.v8cache`;
const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
// Node's own CommonJS wrapper, so the bundle sees exports/require/module as under require().
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
if (!cachedData || script.cachedDataRejected) {
  const tmp = `${cacheFile}.${process.pid}`;
  writeFileSync(tmp, script.createCachedData());
  renameSync(tmp, cacheFile);
}
