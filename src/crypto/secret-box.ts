import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets at rest in a text column: AES-256-GCM with a random 96-bit IV per value, stored as
 * `v1:<iv>:<tag>:<ciphertext>` (base64url). Each value is bound to where it is stored (`context`, the GCM additional
 * data), so a ciphertext copied into another column does not decrypt. A value without the prefix is a legacy plain
 * value: it is read as it is, and sealed on its next write.
 */

export const SECRET_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^v1:([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]*)$/;

/** A problem with a sealed value or its key. Its message names the key and the value's place, never a secret. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** 64 hex digits, or base64 (standard or URL-safe, padding optional) of exactly 32 bytes: the key; else null. */
export function parseSecretKey(text: string): Buffer | null {
  const s = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(s)) return null;
  const key = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === SECRET_KEY_BYTES ? key : null;
}

export interface SecretBox {
  /** The value to store at `context` (e.g. `zalo_tokens.access_token`); without a key, `plain` itself. */
  seal(plain: string, context: string): string;
  /** The stored value read back; a legacy plain value is returned as it is. */
  open(stored: string, context: string): string;
}

/**
 * `key`: 32 bytes, or its text form (see parseSecretKey), or undefined for no encryption. `keyName` (the variable it
 * comes from) is what error messages name.
 */
export function createSecretBox(key: Buffer | string | undefined, keyName: string): SecretBox {
  const bytes = typeof key === 'string' ? parseSecretKey(key) : key;
  if (key !== undefined && (!bytes || bytes.length !== SECRET_KEY_BYTES)) {
    throw new SecretBoxError(`${keyName} must be 32 bytes: 64 hex digits or 44 characters of base64`);
  }
  return {
    seal(plain, context) {
      if (!bytes) return plain;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', bytes, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `v1:${iv.toString('base64url')}:${tag.toString('base64url')}:${data.toString('base64url')}`;
    },
    open(stored, context) {
      const m = SEALED.exec(stored);
      if (!m) return stored;
      if (!bytes) throw new SecretBoxError(`${context} is encrypted, but ${keyName} is not set`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', bytes, Buffer.from(m[1]!, 'base64url'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(m[2]!, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(m[3]!, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        // GCM's tag check failed: another key, or the value was altered. Never return what it decrypted to.
        throw new SecretBoxError(
          `${keyName} cannot decrypt ${context}: it is not the key the value was stored with, or the value was altered`,
        );
      }
    },
  };
}
