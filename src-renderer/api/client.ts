import { wordCoreMessage } from '../../src-common/messages';
import { useLanguage } from '../i18n';
import type { ApiError, EventName, Input, Method, Output, PstBridge, PushEvents, Result } from '../../src-preload/contract';

declare global {
  interface Window {
    /** Put there by the Electron preload, or by the HTTP bridge in the browser host. */
    pst?: PstBridge;
  }
}

/** An error result turned into an exception, for code that lets React handle failures. */
class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

/** The core words its errors in Indonesian; a coded one is worded again in the officer's language. */
function inOfficersLanguage(error: ApiError): ApiError {
  if (!error.code) return error;
  return { ...error, message: wordCoreMessage(useLanguage.getState().language, { code: error.code, ...(error.params ? { params: error.params } : {}) }) };
}

function bridge(): PstBridge {
  if (!window.pst) throw new Error('window.pst is missing: the bridge was not installed');
  return window.pst;
}

let onForbidden: (method: Method) => void = () => {};

/** The renderer's one way to the core: the contract, nothing else. */
export const api = {
  /** The Result as data; a bridge that throws still yields an `internal` error, never a rejection. */
  async call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    let result: Result<Output<M>>;
    try {
      result = await bridge().call(method, input);
    } catch (error) {
      return { ok: false, error: { kind: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
    if (!result.ok && result.error.kind === 'forbidden') onForbidden(method);
    return result.ok ? result : { ok: false, error: inOfficersLanguage(result.error) };
  },

  /** Told of every `forbidden` answer: the officer's login may have ended (idle timeout, disabled). */
  setForbiddenHandler(handler: (method: Method) => void): void {
    onForbidden = handler;
  },

  /** The value, or an ApiCallError. */
  async must<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await api.call(method, input);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  },

  on<E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
    return bridge().on(event, listener);
  },
};

/** The message to show for any failure caught around an API call. */
export const errorMessage = (error: unknown): string =>
  error instanceof ApiCallError ? error.error.message : error instanceof Error ? error.message : String(error);
