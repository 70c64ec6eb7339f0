/**
 * Axis ticks for counts: whole numbers only (a count of 3 never sits on a "2.5" line), at most
 * five lines, steps of 1, 2 or 5 × 10^k. Returns the ticks from 0 up; the last is the axis top.
 */
export function integerTicks(maxValue: number): number[] {
  const top = Math.max(1, Math.ceil(maxValue));
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(top / s) <= 4);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const count = Math.ceil(top / step);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}
