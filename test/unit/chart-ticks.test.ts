import { expect, it } from 'vitest';
import { integerTicks } from '../../src-common/chart-ticks';

it('counts get whole-number axis lines, never a repeated or a half one', () => {
  expect(integerTicks(0)).toEqual([0, 1]);
  expect(integerTicks(1)).toEqual([0, 1]);
  expect(integerTicks(3)).toEqual([0, 1, 2, 3]);
  expect(integerTicks(7)).toEqual([0, 2, 4, 6, 8]);
  expect(integerTicks(23)).toEqual([0, 10, 20, 30]);
  expect(integerTicks(380)).toEqual([0, 100, 200, 300, 400]);
});
