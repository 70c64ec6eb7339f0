import { workingTableText } from '../../src-common/working-time';

/** Working time as "1 hk 2 j 30 m", written as the exported report writes it. */
export const workingDuration = workingTableText;

export const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1).replace('.', ',')}%`);
