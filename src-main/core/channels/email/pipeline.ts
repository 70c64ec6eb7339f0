/**
 * Stores batches strictly one after another, in the order pushed, while the caller goes on
 * fetching: push() returns at once unless `maxInFlight` batches are already waiting, then it waits
 * for the oldest. The first failure stops every later batch (a cursor must never pass a batch that
 * was not stored) and is thrown by the next push() or by drain().
 */
export class StorePipeline<T> {
  private tail: Promise<void> = Promise.resolve();
  private readonly waiting: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly store: (batch: T) => Promise<void>,
    private readonly maxInFlight: number,
  ) {}

  async push(batch: T): Promise<void> {
    this.throwIfFailed();
    const step = this.tail.then(() => (this.failure ? undefined : this.store(batch)));
    // Recorded here so that no rejection goes unhandled while nobody is awaiting this step yet.
    this.tail = step.catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.waiting.push(this.tail);
    while (this.waiting.length >= this.maxInFlight) await this.waiting.shift();
    this.throwIfFailed();
  }

  async drain(): Promise<void> {
    await this.tail;
    this.waiting.length = 0;
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
