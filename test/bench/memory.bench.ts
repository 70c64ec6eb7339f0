import type { Benchmark } from './lib/types';

const MB = 1024 * 1024;

/**
 * Peak RSS of the core worker after everything before it in the registry ran (list it last).
 * The core worker holds the core and the ingest path only: the generator runs in the harness and
 * the bare baselines in their own worker, whose peak is shown beside it for scale.
 */
export const memoryBench: Benchmark = {
  id: 'memory',
  title: 'Memory: peak RSS of the core process (its own child process)',

  async run(ctx) {
    await ctx.populated();
    const core = await ctx.core();
    const bare = await ctx.bare();
    const peak = (await core.maxRss()) / MB;
    const bareBytes = await bare.maxRss();
    const afterIngest = ctx.shared.get('rss.afterIngest') as number | undefined;
    const idle = ctx.shared.get('rss.idle') as number | undefined;
    return [
      {
        name: 'core peak RSS',
        value: peak,
        unit: 'MB',
        baseline: bareBytes / MB,
        ratio: peak / (bareBytes / MB),
        target: '≤ 250 MB',
        pass: peak <= 250,
        note: [
          idle ? `idle after start-up ${(idle / MB).toFixed(0)} MB` : '',
          afterIngest ? `after ingest ${(afterIngest / MB).toFixed(0)} MB` : '',
          'baseline = bare worker (raw inserts + bare queries)',
        ]
          .filter(Boolean)
          .join('; '),
      },
    ];
  },
};
