import { createHash, timingSafeEqual } from 'node:crypto';

/** Lowercase hex of sha256(appId + rawBody + timestamp + oaSecretKey): Zalo's scheme is plain SHA-256, not HMAC. */
export function computeZaloSignature(
  appId: string,
  rawBody: string | Buffer,
  timestamp: string,
  oaSecretKey: string,
): string {
  return createHash('sha256')
    .update(appId)
    .update(rawBody)
    .update(timestamp)
    .update(oaSecretKey)
    .digest('hex');
}

export interface VerifyZaloSignatureInput {
  /** The `X-ZEvent-Signature` header, `mac=<hex>` or bare `<hex>`. */
  header: string | string[] | null | undefined;
  rawBody: string | Buffer;
  appId: string;
  oaSecretKey: string;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export function verifyZaloSignature({
  header,
  rawBody,
  appId,
  oaSecretKey,
}: VerifyZaloSignatureInput): boolean {
  if (typeof header !== 'string' || !appId || !oaSecretKey) return false;
  const given = header.trim().replace(/^mac=/i, '').toLowerCase();
  if (!HEX_SHA256.test(given)) return false;
  const timestamp = readTimestamp(rawBody);
  if (timestamp === null) return false;
  const expected = computeZaloSignature(appId, rawBody, timestamp, oaSecretKey);
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'));
}

function readTimestamp(rawBody: string | Buffer): string | null {
  let body: unknown;
  try {
    body = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { timestamp } = body as { timestamp?: unknown };
  if (typeof timestamp === 'string' && timestamp.length > 0) return timestamp;
  if (typeof timestamp === 'number' && Number.isSafeInteger(timestamp)) return String(timestamp);
  return null;
}
