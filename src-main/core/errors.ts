import { statfsSync } from 'node:fs';
import { bytesText } from '../../src-common/bytes';
import { wordCoreMessage } from '../../src-common/messages';
import type { ApiError, CoreMessage, ErrorKind } from '../../src-preload/contract';

/**
 * An expected failure that crosses the bridge as data ({ ok: false, error }). Given a CoreMessage,
 * the renderer words it in the officer's language; `message` is its Indonesian wording, for logs,
 * the CLI and any caller that shows text as it is.
 */
export class AppError extends Error {
  readonly coreMessage: CoreMessage | null;

  constructor(
    readonly kind: ErrorKind,
    message: string | CoreMessage,
    readonly issues?: ApiError['issues'],
  ) {
    super(typeof message === 'string' ? message : wordCoreMessage('id', message));
    this.name = 'AppError';
    this.coreMessage = typeof message === 'string' ? null : message;
  }

  toApiError(): ApiError {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.coreMessage ? { code: this.coreMessage.code, ...(this.coreMessage.params ? { params: this.coreMessage.params } : {}) } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

// The core's own failures take a code only, so each one can be worded in the officer's language.
export const notFound = (message: CoreMessage): AppError => new AppError('not_found', message);
export const conflict = (message: CoreMessage): AppError => new AppError('conflict', message);
export const forbidden = (message: CoreMessage = { code: 'auth.not_allowed' }): AppError => new AppError('forbidden', message);
export const invalidInput = (message: CoreMessage, issues?: ApiError['issues']): AppError => new AppError('invalid_input', message, issues);

/** Training mode never connects to real channels: nothing may leave the machine. */
export function refuseInTraining(core: { trainingMode: boolean }): void {
  if (core.trainingMode) throw new AppError('conflict', { code: 'training.channels_simulated' });
}

/** A write the disk had no room for (SQLite's SQLITE_FULL, ENOSPC from a file write, or a quota: EDQUOT). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** Free bytes for an unprivileged writer on the disk holding `folder`, or null if it cannot be read. */
export function freeBytes(folder: string): number | null {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** What a write that found no room tells the officer: nothing saved, where to make room, how much is left. */
export function diskFullError(folder: string): AppError {
  const free = freeBytes(folder);
  return new AppError('disk_full', { code: 'error.disk_full', params: { folder, free: free === null ? '?' : bytesText(free) } });
}

/** What an unexpected failure tells the officer: "see the log"; never the error's own text. */
export const unexpectedError = (): ApiError => {
  const message: CoreMessage = { code: 'error.internal' };
  return { kind: 'internal', message: wordCoreMessage('id', message), code: message.code };
};
