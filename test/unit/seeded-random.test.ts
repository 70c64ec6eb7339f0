import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/host';
import { seededRandom } from '../helpers/seeded-random';

const take = (random: () => number, n: number) => Array.from({ length: n }, () => random());

it('the same seed and stream name give the same choices; another name or seed does not', () => {
  const a = take(seededRandom('feeder', 42), 20);
  expect(take(seededRandom('feeder', 42), 20)).toEqual(a);
  expect(take(seededRandom('driver', 42), 20)).not.toEqual(a);
  expect(take(seededRandom('feeder', 43), 20)).not.toEqual(a);
  for (const x of a) expect(x >= 0 && x < 1).toBe(true);
  const r = seededRandom('int', 7);
  for (let i = 0; i < 200; i++) expect([3, 4, 5]).toContain(r.int(3, 5));
});

it('PST_TEST_SEED replays a run, and the seed is printed once with how to replay it', () => {
  const script = `import { seededRandom } from ${JSON.stringify(join(REPO_ROOT, 'test/helpers/seeded-random.ts'))};\nconst r = seededRandom('x'); seededRandom('y');\nconsole.log(JSON.stringify([r(), r()]));\n`;
  const run = (seed?: string) =>
    spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/.bin/tsx'), '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, PST_TEST_SEED: seed ?? '' },
    });
  const first = run();
  const printed = /seed=(\d+) \(replay with PST_TEST_SEED=\1\)/.exec(first.stderr);
  expect(printed, first.stderr).not.toBeNull();
  expect(first.stderr.match(/seed=/g)).toHaveLength(1);
  const replay = run(printed![1]);
  expect(replay.stdout).toBe(first.stdout);
  expect(replay.stderr).toContain(`seed=${printed![1]} (replay with PST_TEST_SEED=${printed![1]})`);
});
