import { openDatabase } from '../../src-main/core/store/db';
import { matchExpression } from '../../src-main/core/store/similar-terms';
import { RECENT_ANSWERS, recentBoundary } from '../../src-main/core/workflow/similar';
import type { Topic } from '../../src-main/core/seed';
import { coreFixture } from './lib/fixture-tasks';
import { percentile } from './lib/stats';
import type { Benchmark } from './lib/types';
import { writeCorpus } from './similar-corpus';
import { evaluationSet, type LabelledNeed } from './similar-eval';

interface Judged {
  origin: LabelledNeed['origin'];
  /** Suggestions of the right topic among the (up to) 3 shown. */
  rightTopic: number;
  /** The first suggestion is the right earlier answer (same request). */
  firstRight: boolean;
  /** The right earlier answer is among the 3. */
  inTop3: boolean;
}

interface CoreResult {
  samples: number[];
  judged: Judged[];
  matches: string[];
  corpus: number;
  boundary: number;
}

const share = (judged: Judged[], f: (j: Judged) => number) => (judged.length ? judged.reduce((s, j) => s + f(j), 0) / judged.length : Number.NaN);
const precisionAt3 = (judged: Judged[]) => share(judged, (j) => j.rightTopic / 3);
const firstHit = (judged: Judged[]) => share(judged, (j) => (j.firstRight ? 1 : 0));

export const similarBench: Benchmark = {
  id: 'similar',
  title: "Similar past consultations: core.call('similar.suggest') over the labelled needs, against a bare FTS5 bm25 query of the same terms",

  async run(ctx) {
    const corpus = ctx.options.conversations;
    ctx.log(`similar: writing ${corpus} closed consultations with their answers, then the labelled needs`);
    const core = await (
      await ctx.core()
    ).call<CoreResult>('similar.core', { corpus, seed: ctx.options.seed, rounds: Math.max(1, Math.ceil(ctx.options.iterations / 200)) });
    const bare = await (
      await ctx.bare()
    ).call<{ recent: number[]; whole: number[] }>('similar.bare', { dbFile: await ctx.coreDbFile(), matches: core.matches, boundary: core.boundary });
    const p95 = percentile(core.samples, 95);
    const bareP95 = percentile(bare.recent, 95);
    const hand = core.judged.filter((j) => j.origin === 'hand');
    const p3 = precisionAt3(core.judged);
    return [
      {
        name: 'similar precision@3',
        value: p3,
        unit: '',
        target: '≥ 0.7',
        pass: p3 >= 0.7,
        note: `${core.judged.length} labelled needs (${hand.length} hand-written: ${precisionAt3(hand).toFixed(2)}); right topic among the 3 shown, an empty place counts as wrong`,
      },
      {
        name: 'similar first is the right answer',
        value: firstHit(core.judged),
        unit: '',
        note: `hand-written ${firstHit(hand).toFixed(2)}; right answer among the 3: ${share(core.judged, (j) => (j.inTop3 ? 1 : 0)).toFixed(2)}`,
      },
      {
        name: 'similar.suggest p95',
        value: p95,
        unit: 'ms',
        baseline: bareP95,
        ratio: p95 / bareP95,
        target: 'p95 ≤ 30 ms',
        pass: p95 <= 30,
        note: `${core.samples.length} calls over ${core.corpus} indexed consultations; bare = the same terms' bm25 over the newest ${RECENT_ANSWERS} (searched first, as the core does), LIMIT 3; ORDER BY rank over the whole index: p95 ${percentile(bare.whole, 95).toFixed(1)} ms`,
      },
      {
        name: 'similar.suggest p50',
        value: percentile(core.samples, 50),
        unit: 'ms',
        baseline: percentile(bare.recent, 50),
        ratio: percentile(core.samples, 50) / percentile(bare.recent, 50),
      },
    ];
  },

  coreTasks: {
    'similar.core': async (args, state) => {
      const { corpus, seed, rounds } = args as { corpus: number; seed: number; rounds: number };
      const { core, officer } = coreFixture(state);
      const db = core.services.db;
      const officerId = db.prepare("SELECT id FROM officers WHERE role = 'officer' ORDER BY id LIMIT 1").pluck().get() as number;
      const labels = writeCorpus(db, officerId, corpus, seed);
      // The needs arrive as open consultations, as they would when an officer opens them.
      const needs = evaluationSet(seed);
      const requesterId = Number(db.prepare("INSERT INTO requesters (name, created_at, updated_at) VALUES ('Peminta Evaluasi', 1, 1)").run().lastInsertRowid);
      const open = db.prepare(
        "INSERT INTO conversations (ticket, requester_id, channel, status, need, last_message_at, created_at, updated_at) VALUES (?, ?, 'telegram', 'in_progress', ?, 1, 1, 1)",
      );
      const ids = needs.map((n, i) => Number(open.run(`KONS-5108-EVAL-${i}`, requesterId, n.need).lastInsertRowid));

      const samples: number[] = [];
      const judged: Judged[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const [i, conversationId] of ids.entries()) {
          const t0 = performance.now();
          const result = await core.call('similar.suggest', { conversationId }, officer);
          samples.push(performance.now() - t0);
          if (!result.ok) throw new Error(`similar.suggest failed: ${result.error.kind}`);
          if (round > 0) continue;
          const want = needs[i]!;
          const got = result.value.map((s) => labels.get(s.conversationId) ?? { topic: null as Topic | null, request: -1 });
          const right = (g: { topic: Topic | null; request: number }) => g.topic === want.topic && g.request === want.request;
          judged.push({
            origin: want.origin,
            rightTopic: got.filter((g) => g.topic === want.topic).length,
            firstRight: got[0] !== undefined && right(got[0]),
            inTop3: got.some(right),
          });
        }
      }
      return {
        samples,
        judged,
        matches: needs.map((n) => matchExpression(n.need) ?? '""'),
        corpus: labels.size,
        boundary: recentBoundary(db),
      } satisfies CoreResult;
    },
  },

  bareTasks: {
    'similar.bare': (args) => {
      const { dbFile, matches, boundary } = args as { dbFile: string; matches: string[]; boundary: number };
      const db = openDatabase(dbFile, { migrate: false });
      try {
        const recent = db.prepare(
          'SELECT rowid, bm25(similar_fts, 1.0, 0.7, 0.5, 0.3) AS score FROM similar_fts WHERE similar_fts MATCH ? AND rowid >= ? ORDER BY score LIMIT 3',
        );
        const whole = db.prepare('SELECT rowid FROM similar_fts WHERE similar_fts MATCH ? ORDER BY rank LIMIT 3');
        const time = (run: (m: string) => unknown) => {
          for (const m of matches.slice(0, 20)) run(m);
          return matches.map((m) => {
            const t0 = performance.now();
            run(m);
            return performance.now() - t0;
          });
        };
        return { recent: time((m) => recent.all(m, boundary)), whole: time((m) => whole.all(m)) };
      } finally {
        db.close();
      }
    },
  },
};
