import { describe, expect, it } from 'vitest';
import { ticketFromQuery } from '../../src-main/core/domain/ticket';

// Friday 4 December 2026, 10.00 WITA.
const NOW = Date.UTC(2026, 11, 4, 2);

describe('a ticket typed into the search box', () => {
  it.each([
    ['KONS-5108-20261123-0001', 'KONS-5108-20261123-0001'],
    ['  kons-5108-20261123-0001 ', 'KONS-5108-20261123-0001'],
    ['20261123-0001', 'KONS-5108-20261123-0001'],
    ['5108-20261123-0042', 'KONS-5108-20261123-0042'],
    ['20261123 1', 'KONS-5108-20261123-0001'],
    ['23/11 0001', 'KONS-5108-20261123-0001'],
    ['23-11-2026 no 12', 'KONS-5108-20261123-0012'],
    ['4.12 3', 'KONS-5108-20261204-0003'],
    // Read out on the phone in early December: "the 31st of December, number 3" was last year's.
    ['31/12 0003', 'KONS-5108-20251231-0003'],
    ['5/1/27 2', 'KONS-5108-20270105-0002'],
  ])('%s → %s', (typed, ticket) => {
    expect(ticketFromQuery(typed, NOW)).toBe(ticket);
  });

  it.each(['inflasi Singaraja', 'data 2024', '2024', '20261123', '32/11 1', '23/13 1', 'IPM 2023 1', ''])('%s is a word search', (typed) => {
    expect(ticketFromQuery(typed, NOW)).toBeNull();
  });
});
