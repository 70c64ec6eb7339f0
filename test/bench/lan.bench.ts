import { Agent, request } from 'node:https';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Rng } from '../../src-main/core/seed';
import { memorySession } from '../helpers/core';
import type { CoreTimed } from './lib/timing';
import { coreFixture } from './lib/fixture-tasks';
import { PinnedPc, serveConsole, type ServedConsole } from './lib/lan-transport';
import { percentile } from './lib/stats';
import type { BenchLine, Benchmark, WorkerState } from './lib/types';

// One office at its busiest: 10 PCs, each an officer working the inbox, for a bounded time.
const SESSIONS = 10;
const DURATION_MS = 30_000;
const MAX_CALLS_PER_SESSION = 3_000;
/** An officer's pause between two actions: far shorter than a person's, so the host is busier than any real office makes it. */
const THINK_MS: readonly [number, number] = [100, 500];
const BASELINE_ROUNDS = 200;
const INBOX_PAGE = 100; // the renderer's page (src-renderer/inbox/use-inbox-pages.ts)
const MESSAGE_PAGE = 30; // the renderer's first page of a conversation (src-renderer/conversation/use-conversation.ts)
const OPEN_STATUSES = ['new', 'awaiting_requirements', 'in_progress', 'waiting_requester'];

type Kind = 'inbox.list' | 'inbox.counts' | 'open' | 'messages.send';

interface Served {
  origin: string;
  fingerprint: string;
  emptyOrigin: string;
  officers: { username: string; password: string }[];
  /** Per session, open consultations nobody has taken: each session answers its own, as officers split the queue. */
  sendTargets: number[][];
  openTargets: number[];
}

interface HostUsage {
  cpuMs: number;
  wallMs: number;
  rss: number;
  maxRss: number;
  /** How late the host's event loop ran (ms): a call waits this long behind another call's work. */
  loopDelayP99: number;
  loopDelayMax: number;
}

const password = (i: number) => `petugas-lan-${i}-5108`;

/** One officer at one PC: the calls the renderer makes, with the time each took as the PC sees it. */
async function runSession(
  client: PinnedPc,
  served: Served,
  index: number,
  seed: number,
  until: number,
  samples: Record<Kind, number[]>,
  errors: string[],
): Promise<number> {
  const rng = new Rng(seed ^ (0x1a2 + index));
  const sends = [...(served.sendTargets[index] ?? [])];
  let calls = 0;
  const timed = async (kind: Kind, run: () => Promise<{ status: number; body: any }[]>) => {
    const t0 = performance.now();
    const answers = await run();
    samples[kind].push(performance.now() - t0);
    calls += answers.length;
    for (const a of answers) if (a.status !== 200 || !a.body?.ok) errors.push(`${kind}: HTTP ${a.status} ${JSON.stringify(a.body).slice(0, 120)}`);
  };
  while (performance.now() < until && calls < MAX_CALLS_PER_SESSION) {
    const action = rng.weighted<Kind>([
      ['inbox.list', 35],
      ['inbox.counts', 25],
      ['open', 30],
      ['messages.send', sends.length > 0 ? 10 : 0],
    ]);
    if (action === 'inbox.list') {
      // Mostly the top of the work queue; now and then scrolled down a few pages.
      const page = rng.weighted([
        [0, 70],
        [rng.int(1, 5), 30],
      ] as const);
      await timed('inbox.list', async () => [
        await client.call('inbox.list', { filter: { queue: 'todo' }, sort: 'queue', offset: page * INBOX_PAGE, limit: INBOX_PAGE }),
      ]);
    } else if (action === 'inbox.counts') {
      await timed('inbox.counts', async () => [await client.call('inbox.counts', {})]);
    } else if (action === 'open') {
      const id = served.openTargets[rng.int(0, served.openTargets.length - 1)]!;
      // As the renderer opens one: the detail and the newest page together; reading marks it read.
      await timed('open', () =>
        Promise.all([client.call('conversations.get', { id }), client.call('messages.list', { conversationId: id, limit: MESSAGE_PAGE })]),
      );
      await client.call('conversations.markRead', { id });
      calls++;
    } else {
      const id = sends.shift()!;
      await timed('messages.send', async () => [
        await client.call('messages.send', {
          conversationId: id,
          text: `Selamat siang, data yang Anda minta terlampir di tautan publikasi BPS Kabupaten Buleleng. (${index}/${id})`,
        }),
      ]);
    }
    await new Promise((r) => setTimeout(r, rng.int(THINK_MS[0], THINK_MS[1])));
  }
  return calls;
}

/** Sequential round trips, on one kept-alive TLS connection, to a server that answers nothing: the floor of any call over HTTPS here. */
async function emptyRoundTrips(origin: string, rounds: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
  const out: number[] = [];
  try {
    for (let i = 0; i < rounds + 20; i++) {
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const req = request(`${origin}/`, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': 2 } }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end('{}');
      });
      if (i >= 20) out.push(performance.now() - t0);
    }
  } finally {
    agent.destroy();
  }
  return out;
}

const ms = (samples: number[], p: number) => percentile(samples, p);

export const lanBench: Benchmark = {
  id: 'lan',
  title: `Several PCs: ${SESSIONS} officers' sessions at once against the host's office-network listener (HTTPS, login cookies, Origin checks) over the full data set`,

  async run(ctx) {
    await ctx.populated();
    const core = await ctx.core();
    const served = await core.call<Served>('lan.serve', { sessions: SESSIONS, seed: ctx.options.seed });
    ctx.log(`lan: host at ${served.origin}; ${SESSIONS} sessions log in`);

    // Baselines, in this run: the SQL of a queue page and of the counts alone, the same calls
    // through the core without HTTP, and an empty HTTP round trip.
    const rounds = Math.max(50, Math.min(BASELINE_ROUNDS, ctx.options.iterations));
    const queue = await core.call<CoreTimed>('queue.core', rounds);
    const counts = await core.call<CoreTimed>('counts.core', rounds);
    const dbFile = await ctx.coreDbFile();
    const queueBare = await (await ctx.bare()).call<number[]>('inbox.bare', { dbFile, calls: queue.statements });
    const countsBare = await (await ctx.bare()).call<number[]>('inbox.bare', { dbFile, calls: counts.statements });
    const empty = await emptyRoundTrips(served.emptyOrigin, rounds);

    // Each PC pinned the fingerprint the admin read out; each keeps its connections alive, as a browser does.
    const clients = served.officers.map(() => new PinnedPc(served.origin, served.fingerprint));
    await Promise.all(
      clients.map(async (client, i) => {
        const login = await client.call('auth.login', served.officers[i]!);
        if (login.status !== 200 || !login.body?.ok) throw new Error(`session ${i} could not log in: ${JSON.stringify(login.body)}`);
      }),
    );
    const streams = clients.map((client) => client.holdEvents());

    const samples: Record<Kind, number[]> = { 'inbox.list': [], 'inbox.counts': [], open: [], 'messages.send': [] };
    const errors: string[] = [];
    ctx.log(`lan: ${SESSIONS} sessions for ${DURATION_MS / 1000} s`);
    await core.call('lan.usageStart');
    const t0 = performance.now();
    const until = t0 + DURATION_MS;
    const calls = await Promise.all(clients.map((client, i) => runSession(client, served, i, ctx.options.seed, until, samples, errors)));
    const wall = performance.now() - t0;
    const usage = await core.call<HostUsage>('lan.usageEnd');
    for (const close of streams) close();
    for (const client of clients) client.close();
    await core.call('lan.close');

    const total = calls.reduce((a, b) => a + b, 0);
    if (errors.length > 0) ctx.log(`lan: ${errors.length} calls failed, first: ${errors.slice(0, 3).join(' | ')}`);
    const emptyP95 = ms(empty, 95);
    const line = (kind: Kind, name: string, target: number | null, baseline: number, note: string): BenchLine[] => {
      const p95 = ms(samples[kind], 95);
      return [
        {
          name: `${name} p95`,
          value: p95,
          unit: 'ms',
          baseline,
          ratio: p95 / baseline,
          ...(target !== null ? { target: `p95 ≤ ${target} ms`, pass: p95 <= target } : {}),
          note: `${samples[kind].length} calls; ${note}`,
        },
        { name: `${name} p50`, value: ms(samples[kind], 50), unit: 'ms' },
      ];
    };
    return [
      ...line(
        'inbox.list',
        'LAN inbox.list (queue page of 100)',
        50,
        ms(queueBare, 95),
        `baseline = the same SQL bare; through the core without HTTP p95 ${ms(queue.samples, 95).toFixed(1)} ms`,
      ),
      ...line(
        'inbox.counts',
        'LAN inbox.counts',
        50,
        ms(countsBare, 95),
        `baseline = the same SQL bare; through the core without HTTP p95 ${ms(counts.samples, 95).toFixed(1)} ms`,
      ),
      ...line('open', 'LAN open (get + 30 messages)', 50, emptyP95, 'the two calls together, as the renderer makes them; baseline = an empty HTTPS round trip'),
      ...line('messages.send', 'LAN messages.send', 200, emptyP95, 'outbox without a channel: nothing leaves; baseline = an empty HTTPS round trip'),
      {
        name: 'LAN host CPU',
        value: (usage.cpuMs / usage.wallMs) * 100,
        unit: '% of 1 core',
        note: `${(usage.cpuMs / 1000).toFixed(1)} s CPU in ${(usage.wallMs / 1000).toFixed(1)} s; ${total} calls (${(total / (wall / 1000)).toFixed(0)}/s) from ${SESSIONS} sessions, ${errors.length} failed`,
      },
      {
        name: 'LAN host RSS',
        value: usage.rss / 2 ** 20,
        unit: 'MB',
        note: `peak ${(usage.maxRss / 2 ** 20).toFixed(0)} MB over the whole run (the data set's loading included)`,
      },
      {
        name: 'LAN host event-loop delay p99',
        value: usage.loopDelayP99,
        unit: 'ms',
        note: `max ${usage.loopDelayMax.toFixed(0)} ms: the longest any call waited behind the host's other work (or the machine's)`,
      },
      {
        name: 'empty HTTPS round trip p95',
        value: emptyP95,
        unit: 'ms',
        note: `p50 ${ms(empty, 50).toFixed(2)} ms, ${empty.length} sequential round trips on one kept-alive connection`,
      },
    ];
  },

  coreTasks: {
    /** Officers for the sessions, the consultations they work on, and the host serving them. */
    'lan.serve': async (args, state) => {
      const { sessions, seed } = args as { sessions: number; seed: number };
      const { core } = coreFixture(state);
      const admin = memorySession();
      await core.must('auth.login', { username: 'admin', password: 'rahasia-admin-123' }, admin);
      const officers = [];
      for (let i = 1; i <= sessions; i++) {
        const account = { username: `lan${i}`, password: password(i) };
        await core.must('officers.create', { ...account, displayName: `Petugas PC ${i}`, role: 'officer' }, admin);
        officers.push(account);
      }
      const rng = new Rng(seed ^ 0x1a);
      const open = core.services.db
        .prepare(`SELECT id FROM conversations WHERE status IN (${OPEN_STATUSES.map(() => '?').join(',')}) AND assignee_id IS NULL ORDER BY id DESC LIMIT 5000`)
        .all(...OPEN_STATUSES) as { id: number }[];
      const ids = open.map((r) => r.id);
      if (ids.length < sessions * 20) throw new Error(`only ${ids.length} open unassigned consultations to work on`);
      // Shuffled, then dealt: each session gets its own (an officer answers the ones they took).
      for (let i = ids.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      }
      const perSession = Math.floor(ids.length / (sessions + 1));
      const sendTargets = Array.from({ length: sessions }, (_, s) => ids.slice(s * perSession, (s + 1) * perSession));
      const openTargets = ids.slice(sessions * perSession);
      const host: ServedConsole = await serveConsole(core, admin);
      state.lan = host;
      return { origin: host.origin, fingerprint: host.fingerprint, emptyOrigin: host.emptyOrigin, officers, sendTargets, openTargets } satisfies Served;
    },
    'lan.usageStart': (_args, state: WorkerState) => {
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      state.lanUsage = { cpu: process.cpuUsage(), at: performance.now(), loop };
      return null;
    },
    'lan.usageEnd': (_args, state: WorkerState) => {
      const start = state.lanUsage as { cpu: NodeJS.CpuUsage; at: number; loop: IntervalHistogram };
      const used = process.cpuUsage(start.cpu);
      start.loop.disable();
      return {
        cpuMs: (used.user + used.system) / 1000,
        wallMs: performance.now() - start.at,
        rss: process.memoryUsage().rss,
        // maxRSS is in kilobytes on Linux and Windows.
        maxRss: process.resourceUsage().maxRSS * 1024,
        loopDelayP99: start.loop.percentile(99) / 1e6,
        loopDelayMax: start.loop.max / 1e6,
      } satisfies HostUsage;
    },
    'lan.close': async (_args, state: WorkerState) => {
      const host = state.lan as ServedConsole | undefined;
      if (!host) return null;
      await host.close();
      state.lan = undefined;
      return null;
    },
  },
};
