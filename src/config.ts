import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A time of day, Vietnam time: HH:mm (a one-digit hour is written with two, as the scheduler parses it). */
const timeOfDay = z
  .string()
  .trim()
  .refine((v) => /^([01]?\d|2[0-3]):[0-5]\d$/.test(v), 'a time of day HH:mm from 00:00 to 23:59, e.g. 20:00')
  .transform((v) => v.padStart(5, '0'));

/** Minutes before each day's deadline: whole numbers 1–1439, comma separated (normalised without spaces). */
const reminderOffsets = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .refine(
    (v) => /^\d+(,\d+)*$/.test(v) && v.split(',').every((m) => Number(m) >= 1 && Number(m) <= 1439),
    'minutes before the deadline, 1–1439, comma separated: 120,30',
  );

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' });

/** postgres:// or postgresql:// (the value holds the password, so the message never repeats it). */
const postgresUrl = z.string().refine((v) => {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, 'a PostgreSQL URL: postgres://user:password@host:5432/database');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: optionalString.pipe(postgresUrl.optional()),
    PGLITE_DIR: z.string().default('.data/pglite'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_BOT_USERNAME: optionalString,
    TELEGRAM_API_ROOT: optionalString.pipe(httpUrl.optional()),
    TELEGRAM_WEBHOOK_URL: optionalString.pipe(
      z
        .url({ protocol: /^https$/, error: 'an https:// URL (Telegram sends webhooks only over HTTPS)' })
        .optional(),
    ),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters of A-Z, a-z, 0-9, _ and -')
        .optional(),
    ),
    TELEGRAM_SEND_RATE: z.coerce.number().positive().default(30),
    TELEGRAM_CHAT_SEND_RATE: z.coerce.number().positive().default(1),
    TELEGRAM_CHAT_SEND_BURST: z.coerce.number().int().min(1).default(3),
    ZALO_APP_ID: optionalString,
    ZALO_APP_SECRET: optionalString,
    ZALO_OA_SECRET_KEY: optionalString,
    ZALO_ACCESS_TOKEN: optionalString,
    ZALO_REFRESH_TOKEN: optionalString,
    ZALO_TOKEN_KEY: optionalString.pipe(
      z
        .string()
        .regex(
          /^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/,
          '32 bytes: 64 hex digits or 44 characters of base64',
        )
        .optional(),
    ),
    ZALO_API_ROOT: httpUrl.default('https://openapi.zalo.me'),
    ZALO_OAUTH_ROOT: httpUrl.default('https://oauth.zaloapp.com'),
    ZALO_SEND_RATE: z.coerce.number().positive().default(50),
    CONSOLE: z.enum(['auto', 'on', 'off']).default('auto'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
    REMINDER_OFFSETS: reminderOffsets.default('120,30'),
    REMINDER_MAX_PER_DAY: z.coerce.number().int().min(0).default(2),
    FINAL_REMINDER_TIME: timeOfDay.default('07:00'),
    DIGEST_TIME: timeOfDay.default('20:00'),
    INCIDENT_FOLLOWUP_MINUTES: z.coerce.number().int().min(1).default(120),
    SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(1).default(30),
    DELIVERY_LOCK_SECONDS: z.coerce.number().int().min(1).default(60),
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).default(7),
    INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
    QA_THRESHOLD: z.coerce.number().min(0).optional(),
    BOARD_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  })
  // Cross-field checks run even when a field is wrong (`when`), so that every problem is listed at once; a wrong
  // field's value is then its raw input, so these checks only look at which variables are set.
  .superRefine(
    (env, ctx) => {
      if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_BOT_TOKEN) {
        ctx.addIssue({
          code: 'custom',
          path: ['TELEGRAM_BOT_TOKEN'],
          message: 'required when TELEGRAM_WEBHOOK_URL is set',
        });
      }
      if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['TELEGRAM_WEBHOOK_SECRET'],
          message: 'required when TELEGRAM_WEBHOOK_URL is set',
        });
      }
      const zalo = [env.ZALO_APP_ID, env.ZALO_APP_SECRET, env.ZALO_OA_SECRET_KEY, env.ZALO_ACCESS_TOKEN];
      if (zalo.some(Boolean) && !zalo.every(Boolean)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ZALO_APP_ID'],
          message: 'set ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY and ZALO_ACCESS_TOKEN together',
        });
      }
    },
    { when: () => true },
  );

export type Env = z.infer<typeof schema>;

export type TelegramConfig =
  | { mode: 'polling'; token: string; username?: string; apiRoot?: string }
  | {
      mode: 'webhook';
      token: string;
      username?: string;
      apiRoot?: string;
      webhookUrl: string;
      secret: string;
    };

export interface ZaloConfig {
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  accessToken: string;
  refreshToken?: string;
  /** Encrypts the stored token pair (AES-256-GCM); without it the pair is stored unencrypted, with a warning. */
  tokenKey?: string;
  apiRoot: string;
  oauthRoot: string;
}

export interface Config {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  port: number;
  database: { url?: string; dataDir: string; poolSize: number };
  telegram?: TelegramConfig;
  zalo?: ZaloConfig;
  console: boolean;
  maxBodyBytes: number;
  /** A claimed message not marked sent within this long (its worker died) is sent again. */
  deliveryLockSeconds: number;
  /** Sent (and given-up) outbox messages and processed inbound events are deleted after this many days. */
  retention: { outboxDays: number; inboxDays: number };
  rates: { telegram: number; telegramChat: number; telegramChatBurst: number; zalo: number };
  schedule: {
    reminderOffsetsMinutes: number[];
    reminderMaxPerDay: number;
    finalReminderTime: string;
    digestTime: string;
    incidentFollowupMinutes: number;
    tickSeconds: number;
  };
  qaThreshold?: number;
  /** Public base URL of the web board (sign-in links); unset: http://localhost:<port>. */
  boardUrl?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The variables of `<dir>/.env` when that file exists, else {}. The format is Node's (`process.loadEnvFile`,
 * `--env-file`): KEY=value lines, # comments, quotes, `export` prefixes; a UTF-8 BOM (Windows Notepad) is ignored.
 * Throws ConfigError when the file exists but cannot be read. Values are never part of an error message.
 */
export function readDotEnv(dir: string = process.cwd()): Record<string, string> {
  const file = path.join(dir, '.env');
  let content: string;
  try {
    if (!statSync(file, { throwIfNoEntry: false })) return {};
    content = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new ConfigError([`.env: cannot read ${file} (${typeof code === 'string' ? code : 'error'})`]);
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(content.replace(/^\uFEFF/, '')))) {
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/**
 * The process environment over the `.env` file of the working directory: like `process.loadEnvFile`, a variable
 * set in the real environment wins over the file, even when it is set to an empty string.
 */
export function environment(dir: string = process.cwd()): Record<string, string | undefined> {
  return { ...readDotEnv(dir), ...process.env };
}

/**
 * Parses the environment once; throws ConfigError listing every wrong field. Only this module reads process.env.
 * Without a `source`, that is the process environment over `.env` in the working directory (see `environment`).
 */
export function loadConfig(source: Record<string, string | undefined> = environment()): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const telegram: TelegramConfig | undefined = e.TELEGRAM_BOT_TOKEN
    ? e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
      ? {
          mode: 'webhook',
          token: e.TELEGRAM_BOT_TOKEN,
          username: e.TELEGRAM_BOT_USERNAME,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhookUrl: e.TELEGRAM_WEBHOOK_URL,
          secret: e.TELEGRAM_WEBHOOK_SECRET,
        }
      : {
          mode: 'polling',
          token: e.TELEGRAM_BOT_TOKEN,
          username: e.TELEGRAM_BOT_USERNAME,
          apiRoot: e.TELEGRAM_API_ROOT,
        }
    : undefined;
  const zalo: ZaloConfig | undefined =
    e.ZALO_APP_ID && e.ZALO_APP_SECRET && e.ZALO_OA_SECRET_KEY && e.ZALO_ACCESS_TOKEN
      ? {
          appId: e.ZALO_APP_ID,
          appSecret: e.ZALO_APP_SECRET,
          oaSecretKey: e.ZALO_OA_SECRET_KEY,
          accessToken: e.ZALO_ACCESS_TOKEN,
          refreshToken: e.ZALO_REFRESH_TOKEN,
          tokenKey: e.ZALO_TOKEN_KEY,
          apiRoot: e.ZALO_API_ROOT.replace(/\/+$/, ''),
          oauthRoot: e.ZALO_OAUTH_ROOT.replace(/\/+$/, ''),
        }
      : undefined;
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    port: e.PORT,
    database: { url: e.DATABASE_URL, dataDir: e.PGLITE_DIR, poolSize: e.DATABASE_POOL_SIZE },
    telegram,
    zalo,
    console: e.CONSOLE === 'on' || (e.CONSOLE === 'auto' && !telegram && !zalo),
    maxBodyBytes: e.MAX_BODY_BYTES,
    deliveryLockSeconds: e.DELIVERY_LOCK_SECONDS,
    retention: { outboxDays: e.OUTBOX_RETENTION_DAYS, inboxDays: e.INBOX_RETENTION_DAYS },
    rates: {
      telegram: e.TELEGRAM_SEND_RATE,
      telegramChat: e.TELEGRAM_CHAT_SEND_RATE,
      telegramChatBurst: e.TELEGRAM_CHAT_SEND_BURST,
      zalo: e.ZALO_SEND_RATE,
    },
    schedule: {
      reminderOffsetsMinutes: e.REMINDER_OFFSETS.split(',').map(Number),
      reminderMaxPerDay: e.REMINDER_MAX_PER_DAY,
      finalReminderTime: e.FINAL_REMINDER_TIME,
      digestTime: e.DIGEST_TIME,
      incidentFollowupMinutes: e.INCIDENT_FOLLOWUP_MINUTES,
      tickSeconds: e.SCHEDULER_TICK_SECONDS,
    },
    qaThreshold: e.QA_THRESHOLD,
    boardUrl: e.BOARD_URL?.replace(/\/+$/, ''),
  };
}
