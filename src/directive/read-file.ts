import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import mammoth from 'mammoth';
import { docxHtmlToText } from './docx-text.ts';
import { LetterError } from './letter.ts';
import { MAX_LETTER_CHARS } from './parse.ts';

export const MAX_LETTER_BYTES = 2 * 1024 * 1024;
/** XML inside a .docx, uncompressed: a zip of 2 MB can inflate to gigabytes. */
const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');

function tooLarge(bytes: number): LetterError {
  return new LetterError(
    'too_large',
    `Tệp quá lớn (${megabytes(bytes)} MB); chỉ nhận công văn đến ${MAX_LETTER_BYTES / 1024 / 1024} MB.`,
  );
}

const corrupt = (name: string): LetterError =>
  new LetterError('corrupt_docx', `Tệp “${name}” bị hỏng hoặc không phải tệp Word (.docx) hợp lệ.`);

async function readLimited(path: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new LetterError('unreadable', `Không mở được tệp “${basename(path)}”.`);
  }
  try {
    const { size } = await handle.stat();
    if (size > MAX_LETTER_BYTES) throw tooLarge(size);
    const buffer = Buffer.alloc(MAX_LETTER_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    // The file may have grown after stat; what was read is what counts.
    if (bytesRead > MAX_LETTER_BYTES) throw tooLarge(bytesRead);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function decodeText(bytes: Buffer, name: string): string {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff)
      text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new LetterError(
      'not_utf8',
      `Tệp “${name}” không phải văn bản mã UTF-8; hãy lưu lại tệp với mã hóa UTF-8 rồi gửi lại.`,
    );
  }
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
}

/** Sum of the uncompressed XML parts, from the zip's central directory; null when it is no zip. */
function docxXmlSize(zip: Buffer): number | null {
  const from = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    if (/\.(?:xml|rels)$/iu.test(name)) total += size;
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

async function readDocx(bytes: Buffer, name: string): Promise<string> {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) throw corrupt(name);
  const xmlSize = docxXmlSize(bytes);
  if (xmlSize === null) throw corrupt(name);
  if (xmlSize > MAX_DOCX_XML_BYTES) {
    throw new LetterError('too_large', `Tệp “${name}” chứa quá nhiều nội dung để là một công văn.`);
  }
  let text: string;
  try {
    text = docxHtmlToText(
      (await mammoth.convertToHtml({ buffer: bytes }, { ignoreEmptyParagraphs: false })).value,
    );
  } catch {
    throw corrupt(name);
  }
  if (text.length > MAX_LETTER_CHARS) throw tooLarge(text.length);
  return text.replace(/\r\n?/gu, '\n');
}

/** The text of a letter in a .txt (UTF-8, or UTF-16 with a BOM) or .docx file, at most 2 MB. */
export async function readLetterFile(path: string): Promise<string> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext !== '.txt' && ext !== '.docx') {
    const hint = ext === '.doc' ? ' Tệp .doc đời cũ: hãy mở bằng Word và lưu lại dưới dạng .docx.' : '';
    throw new LetterError(
      'unsupported_format',
      `Chỉ đọc được công văn dạng .txt hoặc .docx (tệp đã gửi: “${name}”).${hint}`,
    );
  }
  const bytes = await readLimited(path);
  return ext === '.txt' ? decodeText(bytes, name) : readDocx(bytes, name);
}
