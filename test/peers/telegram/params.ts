// Reading method parameters the way the Bot API does: every transport (query string, JSON,
// urlencoded, multipart) yields one bag; strings are coerced to numbers/booleans/JSON on demand.
import type { UploadedPart } from './multipart';
import { badRequest } from './types';

export type ParamValue = unknown;

export class Params {
  constructor(private readonly values: Map<string, ParamValue>) {}

  has(name: string): boolean {
    const value = this.values.get(name);
    return value !== undefined && value !== null && value !== '';
  }

  raw(name: string): ParamValue {
    return this.values.get(name);
  }

  string(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  int(name: string): number | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null || value === '') return undefined;
    const number = typeof value === 'number' ? value : Number(value);
    // The real API reads malformed integers as 0 rather than failing.
    return Number.isFinite(number) ? Math.trunc(number) : 0;
  }

  bool(name: string): boolean {
    const value = this.values.get(name);
    return value === true || value === 'true' || value === '1' || value === 1;
  }

  /** A JSON-typed parameter: an object already, or a string holding JSON. */
  json<T>(name: string, what: string): T | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return value as T;
    try {
      return JSON.parse(value) as T;
    } catch {
      throw badRequest(`can't parse ${what} JSON object`);
    }
  }

  /** An uploaded part, following grammy's `attach://<id>` indirection when present. */
  upload(name: string): UploadedPart | undefined {
    const value = this.values.get(name);
    if (isUpload(value)) return value;
    if (typeof value === 'string' && value.startsWith('attach://')) {
      const attached = this.values.get(value.slice('attach://'.length));
      if (isUpload(attached)) return attached;
      throw badRequest(`wrong file identifier/HTTP URL specified`);
    }
    return undefined;
  }
}

export function isUpload(value: unknown): value is UploadedPart {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedPart).bytes);
}
