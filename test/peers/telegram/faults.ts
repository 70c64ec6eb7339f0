// Faults a test arms for the next calls of a method: an error answer, a delay, or no answer.
import type { FaultSpec } from './types';

const defaultDescriptions: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function describeStatus(status: number): string {
  return defaultDescriptions[status] ?? 'Error';
}

export class FaultPlan {
  private readonly armed: Array<{ method: string; spec: FaultSpec; remaining: number }> = [];

  arm(method: string, spec: FaultSpec): void {
    this.armed.push({ method: method.toLowerCase(), spec, remaining: spec.times ?? 1 });
  }

  /** The fault for this call, if any, consuming one use of it. */
  take(method: string, exact = false): FaultSpec | undefined {
    const name = method.toLowerCase();
    const index = this.armed.findIndex((fault) => fault.method === name || (!exact && fault.method === '*'));
    const fault = this.armed[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.armed.splice(index, 1);
    return fault.spec;
  }

  clear(): void {
    this.armed.length = 0;
  }
}
