/**
 * A fake Telegram Bot API server speaking the real wire format, for end-to-end tests and benchmarks.
 * Point a real Telegraf at it: `new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } })`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Update } from 'telegraf/types';

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  /** Sends beyond this many in any 1 s window (all chats) answer 429 with retry_after 1. */
  globalRatePerSecond?: number;
  /** Sends beyond this many in any 1 s window to one chat_id answer 429 with retry_after 1. */
  chatRatePerSecond?: number;
}

export interface SentMessage {
  method: 'sendMessage' | 'sendDocument';
  chatId: number;
  /** The message text, or the document's caption ('' when none). */
  text: string;
  replyMarkup?: unknown;
  /** `ref` is the file_id or URL when the document was sent by reference (then `bytes` is empty). */
  document?: { filename: string; bytes: Buffer; ref?: string };
  messageId: number;
  at: number;
}

export interface EditedMessage {
  method: 'editMessageText' | 'editMessageReplyMarkup';
  chatId?: number;
  messageId?: number;
  inlineMessageId?: string;
  text?: string;
  replyMarkup?: unknown;
  at: number;
}

export interface CallbackAnswer {
  callbackQueryId: string;
  text?: string;
  showAlert: boolean;
  url?: string;
  at: number;
}

export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 400 | 403 | 500 | 502; description?: string };

/** A call held before it is handled, like a Bot API request that hangs. */
export interface Hold {
  ms: number;
  /** The answer after the hold; without one the call is then handled as usual. */
  answer?: Fault;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  sent: SentMessage[];
  edits: EditedMessage[];
  callbackAnswers: CallbackAnswer[];
  /** By scope: 'default', 'all_private_chats', 'chat:<id>', 'chat_member:<chat>:<user>', plus '/<language>'. */
  commands: Map<string, BotCommand[]>;
  /** Every method called with the right token, in order, failed calls included. */
  calls: string[];
  readonly rateLimited: number;
  readonly webhook: { url: string; secretToken?: string } | undefined;
  /** A count waits for that many sends (resolves with all); a predicate waits for a match (resolves with matches). */
  waitForSent(want: number | ((message: SentMessage) => boolean), timeoutMs?: number): Promise<SentMessage[]>;
  sentTo(chatId: number | string): SentMessage[];
  pushUpdate(update: Update): void;
  /**
   * POSTs an update to the bot's webhook, then runs any method call the bot put in the response body
   * (telegraf's webhookReply), as Telegram does. `secret` defaults to setWebhook's; null sends no header.
   */
  postWebhook(url: string, update: Update, secret?: string | null): Promise<{ status: number; body: string }>;
  failNext(method: string, count: number, fault: Fault): void;
  /**
   * Holds the next `count` calls of `method` for `hold.ms` before answering. A call whose client gives up (closes
   * the connection) during the hold is dropped unhandled: the message is never recorded as sent.
   */
  holdNext(method: string, count: number, hold: Hold): void;
  reset(): void;
  close(): Promise<void>;
}

type Params = Record<string, unknown>;
type Files = Record<string, { filename: string; bytes: Buffer }>;
type Handler = (params: Params, files: Files, signal: AbortSignal) => unknown;
type Body =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: object };

const ERRORS = {
  400: 'Bad Request: chat not found',
  401: 'Unauthorized',
  403: 'Forbidden: bot was blocked by the user',
  404: 'Not Found: method not found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  emptyText: 'Bad Request: message text is empty',
  tooLong: 'Bad Request: message is too long',
  noDocument: 'Bad Request: there is no document in the request',
  badButton: 'Bad Request: BUTTON_DATA_INVALID',
  noMessageId: 'Bad Request: message identifier is not specified',
  notModified:
    'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a content and reply markup of the current message',
  badSecret: 'Bad Request: secret token contains unallowed characters',
  webhookActive:
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  otherPoller:
    'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
} as const;
const RATE_LIMITED_METHODS = new Set(['sendMessage', 'sendDocument']);
// Telegram rejects a keyboard whose callback_data exceeds 64 bytes: UTF-8, so about 21 Vietnamese letters.
const MAX_CALLBACK_DATA_BYTES = 64;

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: object,
  ) {
    super(description);
  }
}

const toInt = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value !== '' ? Number(value) : value;
  return Number.isInteger(n) ? (n as number) : undefined;
};
const toStr = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
const toBool = (value: unknown): boolean => value === true || value === 'true';
// JSON bodies carry objects; multipart bodies carry the same fields as JSON strings.
const fromJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function requireChatId(params: Params): number {
  const chatId = toInt(params.chat_id);
  if (chatId === undefined)
    throw new ApiError(400, params.chat_id ? ERRORS[400] : 'Bad Request: chat_id is empty');
  return chatId;
}

function replyMarkupOf(params: Params): unknown {
  const markup = fromJson(params.reply_markup) as
    | { inline_keyboard?: { callback_data?: string }[][] }
    | undefined;
  const buttons = markup?.inline_keyboard?.flat() ?? [];
  if (buttons.some((b) => Buffer.byteLength(b.callback_data ?? '') > MAX_CALLBACK_DATA_BYTES)) {
    throw new ApiError(400, ERRORS.badButton);
  }
  return markup;
}

function parseMultipart(body: Buffer, boundary: string): { fields: Params; files: Files } {
  const fields: Params = {};
  const files: Files = {};
  const delimiter = Buffer.from(`--${boundary}`);
  for (let pos = body.indexOf(delimiter); pos !== -1; ) {
    const start = pos + delimiter.length + 2; // past the CRLF, or past the '--' of the closing delimiter
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start, next - 2); // the CRLF before a delimiter belongs to the delimiter
    const headerEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headerEnd).toString('utf8');
    const name = /;\s*name="([^"]*)"/.exec(head)?.[1];
    const filename = /;\s*filename="([^"]*)"/.exec(head)?.[1];
    const content = part.subarray(headerEnd + 4);
    if (name !== undefined && filename !== undefined) files[name] = { filename, bytes: Buffer.from(content) };
    else if (name !== undefined) fields[name] = content.toString('utf8');
    pos = next;
  }
  return { fields, files };
}

async function readRequest(req: IncomingMessage): Promise<{ params: Params; files: Files }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const boundary = /^multipart\/form-data;.*boundary="?([^";]+)/.exec(type)?.[1];
  if (boundary) {
    const { fields, files } = parseMultipart(body, boundary);
    return { params: fields, files };
  }
  return {
    params: type.startsWith('application/json') && body.length > 0 ? JSON.parse(body.toString()) : {},
    files: {},
  };
}

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? '1234567890:AAFakeTokenForEndToEndTests_0123456';
  const me = { id: toInt(token.split(':')[0]) ?? 1, is_bot: true, first_name: 'Fake Bot' };
  const getMe = { ...me, username: options.botUsername ?? 'fake_test_bot', can_join_groups: true };
  let pending: Update[] = [];
  let poller: { wake(): void; conflict(): void } | undefined;
  let webhook: { url: string; secretToken?: string } | undefined;
  let faults = new Map<string, Fault[]>();
  let holds = new Map<string, Hold[]>();
  let sendTimes: number[] = [];
  let chatSendTimes = new Map<number, number[]>();
  let rateLimited = 0;
  let lastMessageId = 0;
  const contents = new Map<string, string>(); // `${chatId}:${messageId}` → JSON of [text, reply_markup]
  const sentWaiters = new Set<() => void>();

  const message = (chatId: number, fields: object, messageId = ++lastMessageId) => ({
    message_id: messageId,
    date: Math.floor(Date.now() / 1000),
    chat:
      chatId > 0 ? { id: chatId, type: 'private', first_name: 'User' } : { id: chatId, type: 'supergroup' },
    from: me,
    ...fields,
  });

  function recordSent(entry: Omit<SentMessage, 'messageId' | 'at'>, result: { message_id: number }) {
    fake.sent.push({ ...entry, messageId: result.message_id, at: Date.now() });
    contents.set(
      `${entry.chatId}:${result.message_id}`,
      JSON.stringify([entry.text, entry.replyMarkup ?? null]),
    );
    for (const wake of sentWaiters) wake();
    return result;
  }

  function admit(chatId: number, now: number): boolean {
    const { globalRatePerSecond: globalRate = Infinity, chatRatePerSecond: chatRate = Infinity } = options;
    sendTimes = sendTimes.filter((t) => t > now - 1000);
    const chatTimes = (chatSendTimes.get(chatId) ?? []).filter((t) => t > now - 1000);
    if (sendTimes.length >= globalRate || chatTimes.length >= chatRate) return false;
    sendTimes.push(now);
    chatSendTimes.set(chatId, [...chatTimes, now]);
    return true;
  }

  function edit(method: EditedMessage['method'], params: Params): unknown {
    const replyMarkup = replyMarkupOf(params);
    const text = method === 'editMessageText' ? toStr(params.text) : undefined;
    if (method === 'editMessageText' && !text?.trim()) throw new ApiError(400, ERRORS.emptyText);
    const inlineMessageId = toStr(params.inline_message_id);
    if (inlineMessageId) {
      fake.edits.push({ method, inlineMessageId, text, replyMarkup, at: Date.now() });
      return true;
    }
    const chatId = requireChatId(params);
    const messageId = toInt(params.message_id);
    if (messageId === undefined) throw new ApiError(400, ERRORS.noMessageId);
    // Lenient about messages this fake never sent; strict about no-op edits, which Telegram refuses.
    const key = `${chatId}:${messageId}`;
    const before = JSON.parse(contents.get(key) ?? '[""]') as [string, unknown];
    const after = JSON.stringify([text ?? before[0], replyMarkup ?? null]);
    if (contents.get(key) === after) throw new ApiError(400, ERRORS.notModified);
    contents.set(key, after);
    fake.edits.push({ method, chatId, messageId, text, replyMarkup, at: Date.now() });
    return message(
      chatId,
      { text: text ?? before[0], reply_markup: replyMarkup, edit_date: Math.floor(Date.now() / 1000) },
      messageId,
    );
  }

  const scopeKey = (params: Params): string => {
    const scope = (fromJson(params.scope) ?? { type: 'default' }) as Record<string, unknown>;
    const language = toStr(params.language_code);
    return (
      [scope.type, scope.chat_id, scope.user_id].filter((part) => part !== undefined).join(':') +
      (language ? `/${language}` : '')
    );
  };

  function getUpdates(params: Params, signal: AbortSignal): unknown {
    if (webhook) throw new ApiError(409, ERRORS.webhookActive);
    poller?.conflict();
    const offset = toInt(params.offset) ?? 0;
    pending = pending.filter((update) => update.update_id >= offset); // lower ids are confirmed
    const limit = Math.min(Math.max(toInt(params.limit) ?? 100, 1), 100);
    const timeoutSeconds = toInt(params.timeout) ?? 0;
    if (pending.length > 0 || timeoutSeconds <= 0) return pending.slice(0, limit);
    return new Promise((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        if (poller === self) poller = undefined;
        settle();
      };
      const self = {
        wake: () => finish(() => resolve(pending.slice(0, limit))),
        conflict: () => finish(() => reject(new ApiError(409, ERRORS.otherPoller))),
      };
      const timer = setTimeout(self.wake, timeoutSeconds * 1000);
      signal.addEventListener('abort', () => finish(() => resolve([])));
      poller = self;
    });
  }

  const handlers: Record<string, Handler> = {
    getMe: () => getMe,
    getUpdates: (params, _files, signal) => getUpdates(params, signal),
    setWebhook: (params) => {
      const url = toStr(params.url);
      const secretToken = toStr(params.secret_token);
      if (secretToken !== undefined && !/^[\w-]{1,256}$/.test(secretToken))
        throw new ApiError(400, ERRORS.badSecret);
      if (toBool(params.drop_pending_updates)) pending = [];
      webhook = url ? { url, ...(secretToken ? { secretToken } : {}) } : undefined;
      return true;
    },
    deleteWebhook: (params) => {
      if (toBool(params.drop_pending_updates)) pending = [];
      webhook = undefined;
      return true;
    },
    getWebhookInfo: () => ({
      url: webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: pending.length,
    }),
    setMyCommands: (params) => {
      fake.commands.set(scopeKey(params), fromJson(params.commands) as BotCommand[]);
      return true;
    },
    deleteMyCommands: (params) => {
      fake.commands.delete(scopeKey(params));
      return true;
    },
    getMyCommands: (params) => fake.commands.get(scopeKey(params)) ?? [],
    sendMessage: (params) => {
      const chatId = requireChatId(params);
      const text = toStr(params.text) ?? '';
      const replyMarkup = replyMarkupOf(params);
      if (!text.trim()) throw new ApiError(400, ERRORS.emptyText);
      if (text.length > 4096) throw new ApiError(400, ERRORS.tooLong);
      const result = message(chatId, { text, reply_markup: replyMarkup });
      return recordSent({ method: 'sendMessage', chatId, text, replyMarkup }, result);
    },
    sendDocument: (params, files) => {
      const chatId = requireChatId(params);
      const text = toStr(params.caption) ?? '';
      const replyMarkup = replyMarkupOf(params);
      const ref = toStr(params.document);
      const byRef = ref ? { filename: '', bytes: Buffer.alloc(0), ref } : undefined;
      const document = files.document ?? files[ref?.replace('attach://', '') ?? ''] ?? byRef;
      if (!document) throw new ApiError(400, ERRORS.noDocument);
      const fileId = `fake-document-${lastMessageId + 1}`;
      const size = document.bytes.length;
      const file = { file_id: fileId, file_unique_id: fileId, file_name: document.filename, file_size: size };
      const result = message(chatId, {
        document: file,
        caption: text || undefined,
        reply_markup: replyMarkup,
      });
      return recordSent({ method: 'sendDocument', chatId, text, replyMarkup, document }, result);
    },
    editMessageText: (params) => edit('editMessageText', params),
    editMessageReplyMarkup: (params) => edit('editMessageReplyMarkup', params),
    answerCallbackQuery: (params) => {
      fake.callbackAnswers.push({
        callbackQueryId: toStr(params.callback_query_id) ?? '',
        text: toStr(params.text),
        showAlert: toBool(params.show_alert),
        url: toStr(params.url),
        at: Date.now(),
      });
      return true;
    },
    sendChatAction: (params) => {
      requireChatId(params);
      return true;
    },
  };
  const methodNames = new Map(Object.keys(handlers).map((name) => [name.toLowerCase(), name]));

  async function invoke(name: string, params: Params, files: Files, signal: AbortSignal): Promise<unknown> {
    const method = methodNames.get(name.toLowerCase()) ?? name; // Bot API method names are case-insensitive
    fake.calls.push(method);
    const handler = handlers[method];
    if (!handler) throw new ApiError(404, ERRORS[404]);
    const hold = holds.get(method)?.shift();
    if (hold) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, hold.ms);
        const onAbort = () => {
          clearTimeout(timer);
          resolve();
        };
        signal.addEventListener('abort', onAbort, { once: true });
      });
      if (signal.aborted) throw new ApiError(499, 'the client closed the request');
    }
    const fault = hold?.answer ?? faults.get(method)?.shift();
    if (fault?.status === 429) {
      throw new ApiError(429, `Too Many Requests: retry after ${fault.retryAfter}`, {
        retry_after: fault.retryAfter,
      });
    }
    if (fault) throw new ApiError(fault.status, fault.description ?? ERRORS[fault.status]);
    if (RATE_LIMITED_METHODS.has(method) && !admit(toInt(params.chat_id) ?? 0, Date.now())) {
      rateLimited++;
      throw new ApiError(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    }
    return handler(params, files, signal);
  }

  const server = createServer(async (req, res) => {
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    const [, urlToken, method = ''] = /^\/bot([^/]+)\/([^/?]+)/.exec(req.url ?? '') ?? [];
    let status = 200;
    let body: Body;
    try {
      if (urlToken !== token) throw new ApiError(urlToken ? 401 : 404, urlToken ? ERRORS[401] : 'Not Found');
      const { params, files } = await readRequest(req);
      body = { ok: true, result: await invoke(method, params, files, aborted.signal) };
    } catch (error) {
      const { code, description, parameters } =
        error instanceof ApiError ? error : new ApiError(400, `Bad Request: ${String(error)}`);
      status = code;
      body = { ok: false, error_code: code, description, ...(parameters && { parameters }) };
    }
    if (!res.destroyed)
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  function describeSent(): string {
    const lines = fake.sent.slice(-20).map((m) => {
      const file = m.document
        ? ` [${m.document.filename || m.document.ref}, ${m.document.bytes.length} bytes]`
        : '';
      return `  ${m.method} → ${m.chatId}: ${JSON.stringify(m.text.slice(0, 100))}${file}`;
    });
    if (fake.sent.length > 20) lines.unshift(`  … ${fake.sent.length - 20} earlier`);
    return `Sent ${fake.sent.length}:\n${lines.join('\n')}\nLast calls: ${fake.calls.slice(-15).join(', ')}`;
  }

  const fake: FakeTelegram = {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    sent: [],
    edits: [],
    callbackAnswers: [],
    commands: new Map(),
    calls: [],
    get rateLimited() {
      return rateLimited;
    },
    get webhook() {
      return webhook;
    },
    waitForSent(want, timeoutMs = 5000) {
      const check = (): SentMessage[] | undefined => {
        if (typeof want === 'number') return fake.sent.length >= want ? [...fake.sent] : undefined;
        const hits = fake.sent.filter(want);
        return hits.length > 0 ? hits : undefined;
      };
      return new Promise((resolve, reject) => {
        const waiter = () => {
          const hits = check();
          if (hits) finish(() => resolve(hits));
        };
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          sentWaiters.delete(waiter);
          settle();
        };
        const timer = setTimeout(() => {
          const wanted =
            typeof want === 'number'
              ? `${want} sent messages`
              : `a message matching ${want.name || 'the predicate'}`;
          finish(() =>
            reject(new Error(`waitForSent: no ${wanted} within ${timeoutMs} ms. ${describeSent()}`)),
          );
        }, timeoutMs);
        sentWaiters.add(waiter);
        waiter();
      });
    },
    sentTo: (chatId) => fake.sent.filter((m) => String(m.chatId) === String(chatId)),
    pushUpdate(update) {
      pending.push(update);
      poller?.wake();
    },
    async postWebhook(url, update, secret) {
      const header = secret === undefined ? webhook?.secretToken : secret;
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(header && { 'x-telegram-bot-api-secret-token': header }),
        },
        body: JSON.stringify(update),
      });
      const body = await response.text();
      const reply: Params = response.ok && body.startsWith('{') ? JSON.parse(body) : {};
      // Telegram runs a method returned in the webhook response; like Telegram, swallow its errors.
      if (typeof reply.method === 'string') {
        await invoke(reply.method, reply, {}, new AbortController().signal).catch(() => undefined);
      }
      return { status: response.status, body };
    },
    failNext(method, count, fault) {
      const name = methodNames.get(method.toLowerCase()) ?? method;
      faults.set(name, [...(faults.get(name) ?? []), ...Array.from({ length: count }, () => fault)]);
    },
    holdNext(method, count, hold) {
      const name = methodNames.get(method.toLowerCase()) ?? method;
      holds.set(name, [...(holds.get(name) ?? []), ...Array.from({ length: count }, () => hold)]);
    },
    reset() {
      for (const list of [fake.sent, fake.edits, fake.callbackAnswers, fake.calls]) list.length = 0;
      fake.commands.clear();
      contents.clear();
      pending = [];
      webhook = undefined;
      faults = new Map();
      holds = new Map();
      sendTimes = [];
      chatSendTimes = new Map();
      rateLimited = 0;
    },
    async close() {
      poller?.wake();
      const closed = new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      server.closeAllConnections();
      await closed;
    },
  };
  return fake;
}

/** The environment that points the service at this fake. */
export function telegramEnv(fake: Pick<FakeTelegram, 'token' | 'apiRoot'>): Record<string, string> {
  return { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
}
