/** Zalo answered, but with `error != 0` (it does so with HTTP 200). Callers branch on `code`. */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  readonly code: number;
  readonly endpoint: string;

  constructor(endpoint: string, code: number, apiMessage?: string) {
    super(`Zalo ${endpoint} answered error ${code}${apiMessage ? `: ${apiMessage.slice(0, 200)}` : ''}`);
    this.code = code;
    this.endpoint = endpoint;
  }
}

/** The request did not get a usable answer: network failure, timeout, non-2xx status or an unreadable body. */
export class ZaloHttpError extends Error {
  override readonly name = 'ZaloHttpError';
  readonly endpoint: string;
  readonly status?: number;

  constructor(endpoint: string, detail: string, status?: number) {
    super(`Zalo ${endpoint} failed: ${detail}${status === undefined ? '' : ` (HTTP ${status})`}`);
    this.endpoint = endpoint;
    if (status !== undefined) this.status = status;
  }
}

/** Token errors after which a refresh and one retry may succeed. */
export const TOKEN_ERROR_CODES: ReadonlySet<number> = new Set([-216, -220]);
