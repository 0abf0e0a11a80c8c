import { eq, sql } from 'drizzle-orm';
import { createSecretBox, type SecretBox } from '../../crypto/secret-box.ts';
import type { Db } from '../../db/client.ts';
import { zaloTokens } from '../../db/schema.ts';

export interface ZaloTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface ZaloTokenStore {
  load(): Promise<ZaloTokenPair | null>;
  /**
   * Runs `refresh` on the stored pair and persists its result, one refresh at a time across replicas.
   * When the stored access token is no longer `staleAccessToken`, someone else already refreshed: that pair is returned.
   */
  rotate(
    refresh: (current: ZaloTokenPair) => Promise<ZaloTokenPair>,
    staleAccessToken?: string,
  ): Promise<ZaloTokenPair>;
}

export interface InitialZaloTokens {
  accessToken: string;
  refreshToken: string;
  /** Unknown for a pair pasted into the config: by default it is refreshed before its first use. */
  expiresAt?: Date;
}

export interface ZaloTokenStoreOptions {
  /**
   * ZALO_TOKEN_KEY (32 bytes, hex or base64): both tokens are stored encrypted with it (AES-256-GCM). Without it they
   * are stored as they are. Rows written before a key was set are read as they are and encrypted on their next write.
   */
  key?: string;
}

const ROW_ID = 1;
// Zalo's refresh token is single-use, so every replica must take this same lock before refreshing.
const REFRESH_LOCK_KEY = 0x5a414c4f;
const KEY_NAME = 'ZALO_TOKEN_KEY';
const ACCESS = 'zalo_tokens.access_token';
const REFRESH = 'zalo_tokens.refresh_token';

const tokenBox = (options: ZaloTokenStoreOptions): SecretBox => createSecretBox(options.key, KEY_NAME);

function sealed(box: SecretBox, pair: { accessToken: string; refreshToken: string }) {
  return {
    accessToken: box.seal(pair.accessToken, ACCESS),
    refreshToken: box.seal(pair.refreshToken, REFRESH),
  };
}

export function createDbZaloTokenStore(
  db: Db,
  initial?: InitialZaloTokens,
  options: ZaloTokenStoreOptions = {},
): ZaloTokenStore {
  const box = tokenBox(options);
  let seeded: Promise<void> | undefined;

  function seed(): Promise<void> {
    if (!initial) return Promise.resolve();
    seeded ??= db
      .insert(zaloTokens)
      .values({
        id: ROW_ID,
        ...sealed(box, initial),
        expiresAt: initial.expiresAt ?? new Date(),
      })
      .onConflictDoNothing()
      .then(
        () => undefined,
        (err: unknown) => {
          seeded = undefined;
          throw err;
        },
      );
    return seeded;
  }

  return {
    async load() {
      await seed();
      const [row] = await db.select().from(zaloTokens).where(eq(zaloTokens.id, ROW_ID));
      return row ? toPair(box, row) : null;
    },

    async rotate(refresh, staleAccessToken) {
      await seed();
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(REFRESH_LOCK_KEY))})`);
        const [row] = await tx.select().from(zaloTokens).where(eq(zaloTokens.id, ROW_ID));
        if (!row) throw new Error('No Zalo token pair is stored');
        const current = toPair(box, row);
        if (staleAccessToken !== undefined && current.accessToken !== staleAccessToken) return current;
        const next = await refresh(current);
        await tx
          .update(zaloTokens)
          .set({ ...sealed(box, next), expiresAt: next.expiresAt, updatedAt: new Date() })
          .where(eq(zaloTokens.id, ROW_ID));
        return next;
      });
    },
  };
}

/** Throws SecretBoxError (naming ZALO_TOKEN_KEY, never a token) when the row cannot be decrypted with the key. */
function toPair(box: SecretBox, row: typeof zaloTokens.$inferSelect): ZaloTokenPair {
  return {
    accessToken: box.open(row.accessToken, ACCESS),
    refreshToken: box.open(row.refreshToken, REFRESH),
    expiresAt: row.expiresAt,
  };
}

/** Replaces the stored pair (an admin re-authorised the OA); it is refreshed before first use. */
export async function replaceZaloTokens(
  db: Db,
  pair: { accessToken: string; refreshToken: string },
  options: ZaloTokenStoreOptions = {},
): Promise<void> {
  const values = { ...sealed(tokenBox(options), pair), expiresAt: new Date(), updatedAt: new Date() };
  await db
    .insert(zaloTokens)
    .values({ id: ROW_ID, ...values })
    .onConflictDoUpdate({ target: zaloTokens.id, set: values });
}
