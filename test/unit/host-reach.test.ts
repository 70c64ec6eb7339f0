import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostReach, type ReachState } from '../../src-renderer/api/host-reach';

/** The host-unreachable tracker the browser bridge uses: down at once, asked again with pauses that grow to a bound. */
describe('HostReach', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function tracker(answers: boolean[]) {
    const states: ReachState[] = [];
    const probes: number[] = [];
    let clock = 1_000_000;
    const reach = new HostReach({
      probe: async () => {
        probes.push(clock);
        return answers.shift() ?? false;
      },
      onChange: (s) => states.push(s),
      now: () => clock,
      delaysMs: [1_000, 2_000, 4_000],
    });
    const advance = async (ms: number) => {
      clock += ms;
      await vi.advanceTimersByTimeAsync(ms);
    };
    return { reach, states, probes, advance, start: clock };
  }

  it('is down from the first failed request and says since when, once', async () => {
    const { reach, states, start, advance } = tracker([false, false]);
    reach.lost();
    await advance(500);
    reach.lost(); // a second failed call does not move the start of the outage
    expect(reach.current).toEqual({ reachable: false, since: start, reconnects: 0 });
    expect(states).toHaveLength(1);
  });

  it('asks again after 1, 2, 4, 4 … seconds while nothing answers, then is up and counts the reconnection', async () => {
    const { reach, probes, states, start, advance } = tracker([false, false, false, true]);
    reach.lost();
    await advance(999);
    expect(probes).toEqual([]);
    await advance(1);
    await advance(2_000);
    await advance(4_000);
    await advance(3_999);
    expect(probes.map((t) => t - start)).toEqual([1_000, 3_000, 7_000]);
    await advance(1); // the bound: 4 s again, not 8
    expect(probes.map((t) => t - start)).toEqual([1_000, 3_000, 7_000, 11_000]);
    expect(reach.current).toEqual({ reachable: true, since: null, reconnects: 1 });
    expect(states.map((s) => s.reachable)).toEqual([false, true]);
    await advance(60_000);
    expect(probes).toHaveLength(4); // up again: no more probes
  });

  it('a call that gets an answer ends the outage at once, without waiting for the next probe', async () => {
    const { reach, probes } = tracker([]);
    reach.lost();
    reach.answered();
    expect(reach.current.reachable).toBe(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(probes).toEqual([]);
  });

  it('a broken event stream is only a suspicion: one probe decides', async () => {
    const up = tracker([true]);
    up.reach.suspect();
    await vi.advanceTimersByTimeAsync(0);
    expect(up.probes).toHaveLength(1);
    expect(up.states).toEqual([]); // the host answered: no bar, no reload

    const down = tracker([false]);
    down.reach.suspect();
    await vi.advanceTimersByTimeAsync(0);
    expect(down.reach.current.reachable).toBe(false);
  });

  it('asks one question at a time, however many calls wait on it', async () => {
    let release: (ok: boolean) => void = () => {};
    let probes = 0;
    const reach = new HostReach({
      probe: () => {
        probes++;
        return new Promise<boolean>((r) => (release = r));
      },
      onChange: () => {},
    });
    reach.lost();
    const a = reach.check();
    const b = reach.check();
    release(true);
    expect(await Promise.all([a, b])).toEqual([true, true]);
    expect(probes).toBe(1);
    reach.stop();
  });
});
