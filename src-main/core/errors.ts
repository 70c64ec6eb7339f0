import type { ApiError, ErrorKind } from '../../src-preload/contract';

/** An expected failure that crosses the bridge as data ({ ok: false, error }). */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues?: ApiError['issues'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.issues ? { kind: this.kind, message: this.message, issues: this.issues } : { kind: this.kind, message: this.message };
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} tidak ditemukan`);
export const conflict = (message: string): AppError => new AppError('conflict', message);
export const forbidden = (message = 'Anda tidak berwenang melakukan ini'): AppError => new AppError('forbidden', message);
export const invalidInput = (message: string): AppError => new AppError('invalid_input', message);

/** Training mode never connects to real channels: nothing may leave the machine. */
export function refuseInTraining(core: { trainingMode: boolean }): void {
  if (core.trainingMode) throw new AppError('conflict', 'Mode latihan: kanal Telegram dan email hanya disimulasikan; akun nyata tidak dapat dihubungkan di sini');
}
