import { parseArgs } from 'node:util';

export interface BenchOptions {
  only: string[] | null;
  conversations: number;
  messages: number;
  seed: number;
  batchSize: number;
  iterations: number;
  keep: boolean;
}

const USAGE = `npm run bench -- [--only ingest,inbox,search,memory] [--conversations N] [--messages M]
                      [--seed S] [--batch 500] [--iterations 400] [--keep]`;

/** Full size by default: the Foundation figures are for 100,000 conversations and 1,000,000 messages. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      conversations: { type: 'string' },
      messages: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      iterations: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (s: string | undefined, fallback: number, name: string) => {
    if (s === undefined) return fallback;
    const n = Number(s.replace(/_/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer\n${USAGE}`);
    return n;
  };
  const conversations = int(values.conversations, 100_000, 'conversations');
  const messages = int(values.messages, values.conversations ? conversations * 10 : 1_000_000, 'messages');
  if (messages < conversations) throw new Error('--messages must be at least --conversations');
  return {
    only: values.only
      ? values.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : null,
    conversations,
    messages,
    seed: int(values.seed, 5108, 'seed'),
    batchSize: int(values.batch, 500, 'batch'),
    iterations: int(values.iterations, 400, 'iterations'),
    keep: values.keep ?? false,
  };
}
