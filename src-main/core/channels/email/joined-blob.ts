/** What a Blob is made of, as the web platform defines it. */
type BlobPart = string | ArrayBuffer | ArrayBufferView | JoinedBlob;

const encoder = new TextEncoder();

function bytesOf(part: BlobPart): Uint8Array {
  if (typeof part === 'string') return encoder.encode(part);
  if (part instanceof JoinedBlob) return part.bytes;
  if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  return new Uint8Array(part);
}

/**
 * A Blob that only joins bytes in memory, for the mail parse worker (see useJoinedBlob).
 *
 * postal-mime ends every MIME part by joining its decoded chunks with `new Blob(chunks)` and reading
 * them back with `await blob.arrayBuffer()`. Node's Blob is a native object made transferable
 * between threads, and reading it back goes through a stream of its own. On the benchmark's 10,000
 * mails that round trip was 40 % of postal-mime's time (385 ms of which 150 ms), and a good part of
 * the worker's garbage collection. The bytes and the result are the same: one copy into one buffer.
 */
export class JoinedBlob {
  readonly bytes: Uint8Array;
  readonly type: string;

  constructor(parts: Iterable<BlobPart> = [], options: { type?: string } = {}) {
    const views = Array.from(parts, bytesOf);
    let size = 0;
    for (const view of views) size += view.byteLength;
    this.bytes = new Uint8Array(size);
    let at = 0;
    for (const view of views) {
      this.bytes.set(view, at);
      at += view.byteLength;
    }
    this.type = (options.type ?? '').toLowerCase();
  }

  get size(): number {
    return this.bytes.byteLength;
  }

  /** A copy, as a Blob gives: whoever changes it does not change the blob. */
  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.bytes.slice().buffer);
  }

  text(): Promise<string> {
    return Promise.resolve(new TextDecoder().decode(this.bytes));
  }

  slice(start = 0, end = this.size, type = ''): JoinedBlob {
    return new JoinedBlob([this.bytes.subarray(start, end)], { type });
  }

  get [Symbol.toStringTag](): string {
    return 'Blob';
  }
}

/**
 * Makes `Blob` in this thread a JoinedBlob. Only the parse worker calls it: that thread runs the MIME
 * parser, our own parse code and the attachment writes, none of which hands a Blob to the platform
 * (no fetch, no postMessage of a Blob). The main thread keeps Node's Blob. The worker's output is
 * checked against the main thread's, mail for mail, in mail-parse-worker.test.ts.
 */
export function useJoinedBlob(): void {
  (globalThis as { Blob: unknown }).Blob = JoinedBlob;
}
