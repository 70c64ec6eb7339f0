import { describe, expect, it } from 'vitest';
import { AnsweredUids, uidSets } from '../../src-main/core/channels/email/imap-fetch';

describe('UID sets for one FETCH', () => {
  it('writes runs of consecutive UIDs as ranges and lone UIDs as they are', () => {
    expect(uidSets([1, 2, 3, 4, 5, 7, 9, 10])).toEqual(['1:5,7,9:10']);
    expect(uidSets([42])).toEqual(['42']);
    expect(uidSets([])).toEqual([]);
  });

  it('a whole first sync of 10,000 mail without gaps is one short command', () => {
    expect(uidSets(Array.from({ length: 10_000 }, (_, i) => i + 1))).toEqual(['1:10000']);
  });

  it('scattered UIDs are cut into sets no longer than a server reads, every UID kept once and in order', () => {
    const uids = Array.from({ length: 3_000 }, (_, i) => 100_000 + i * 2); // every other UID: no ranges at all
    const sets = uidSets(uids, 1_000);
    expect(sets.length).toBeGreaterThan(1);
    for (const set of sets) expect(set.length).toBeLessThanOrEqual(1_000);
    expect(sets.join(',').split(',').map(Number)).toEqual(uids);
  });
});

describe('how far the server has answered', () => {
  it('moves only as far as every UID before has been answered, whatever order they come in', () => {
    const answered = new AnsweredUids([3, 4, 5, 8, 9]);
    answered.saw(4); // 3 has not come yet: nothing is safe
    expect(answered.upTo).toBe(0);
    answered.saw(3);
    expect(answered.upTo).toBe(4);
    answered.saw(9);
    expect(answered.upTo).toBe(4);
    answered.saw(5);
    expect(answered.upTo).toBe(5);
    answered.saw(8);
    expect(answered.upTo).toBe(9);
  });

  it('when the FETCH has ended, a UID the server never answered (expunged meanwhile) no longer holds it back', () => {
    const answered = new AnsweredUids([10, 11, 12, 20, 21]);
    answered.saw(10);
    answered.saw(12);
    expect(answered.upTo).toBe(10);
    answered.sawAllUpTo('10:12');
    expect(answered.upTo).toBe(12);
    answered.saw(21);
    expect(answered.upTo).toBe(12);
    answered.sawAllUpTo('20:21');
    expect(answered.upTo).toBe(21);
  });
});
