import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { DomainError, MAX_IMPORT_BYTES } from '@ordo/domain';

export const tooLarge = () =>
  new DomainError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`, {
    limit: MAX_IMPORT_BYTES,
  });

/** The upload's bytes as they arrive, refused with 413 past the limit (the whole file is never held). */
export async function* limitedChunks(
  body: Readable | undefined,
  limit = MAX_IMPORT_BYTES,
): AsyncGenerator<Buffer> {
  if (!body) return;
  let received = 0;
  // Not destroyed when refused: the route drains the rest so that the client gets to read the 413.
  for await (const chunk of body.iterator({ destroyOnReturn: false })) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    received += bytes.length;
    if (received > limit) throw tooLarge();
    yield bytes;
  }
}

export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * The upload as text, chunk by chunk: UTF-8 (a byte-order mark is dropped), or Windows-1252 when the bytes
 * are no UTF-8 (what Excel writes on Windows). The choice is made at the first byte that is not ASCII, so
 * it is right for the whole file without reading it twice; `encoding()` says which it was.
 */
export function decodeText(chunks: AsyncIterable<Buffer>) {
  let chosen: TextEncoding | null = null;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const cp1252 = iconv.getDecoder('win1252');
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      if (chosen === null && !isAscii(chunk)) chosen = looksUtf8(chunk) ? 'utf-8' : 'windows-1252';
      if (chosen === 'windows-1252') yield cp1252.write(chunk);
      else {
        try {
          yield utf8.decode(chunk, { stream: true });
        } catch {
          throw new DomainError(
            'validation_failed',
            'body: the file mixes UTF-8 with another encoding; save it as UTF-8',
            {
              issues: [{ path: 'body', message: 'the file mixes UTF-8 with another encoding' }],
            },
          );
        }
      }
    }
    if (chosen === 'windows-1252') yield cp1252.end() ?? '';
    else yield utf8.decode();
  }
  return { text: text(), encoding: () => chosen ?? 'utf-8' };
}

function isAscii(bytes: Buffer) {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

/** Whether the chunk is valid UTF-8, allowing a multi-byte character cut at its end. */
function looksUtf8(bytes: Buffer) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
