import { brotliDecompressSync, gunzipSync, inflateSync, type ZlibOptions } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { BodyOverCapError } from './capped-body';
import { MAX_RECORDED_BODY_BYTES } from './truncate';

// Bodies are only compressed when the step itself asked for it with Accept-Encoding.
const decompressors: Record<string, (input: Buffer, options: ZlibOptions) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/**
 * Response bytes as text: decompressed per Content-Encoding and decoded per the Content-Type charset
 * (UTF-8 by default). BodyOverCapError when the decompressed body is over `maxBytes` (a zip bomb
 * passes a cap on the bytes received).
 */
export function decodeBody(bytes: Buffer, headers: Record<string, string>, maxBytes = Infinity): string {
  let data = bytes;
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  const decompress = encoding === undefined ? undefined : decompressors[encoding];
  if (decompress !== undefined && data.length > 0) {
    try {
      data = decompress(data, Number.isFinite(maxBytes) ? { maxOutputLength: maxBytes } : {});
    } catch (error) {
      if (error instanceof RangeError && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE') throw new BodyOverCapError(bytes.subarray(0, MAX_RECORDED_BODY_BYTES + 1));
      // A body that claims compression but is not compressed is shown as it arrived.
    }
  }
  return decodeText(data, headers);
}

/** Bytes as text per the Content-Type charset, as they are (a cut body's start is never decompressed). */
export function decodeText(bytes: Buffer, headers: Record<string, string>): string {
  return decoderFor(headers['content-type']).decode(bytes);
}

const utf8 = new TextDecoder('utf-8');
// Module-level so that each response does not build them again.
const charsetParam = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;
const utf8Label = /^utf-?8$/i;

function decoderFor(contentType: string | undefined): TextDecoder {
  const charset = contentType === undefined ? undefined : charsetParam.exec(contentType)?.[1];
  if (charset !== undefined && !utf8Label.test(charset)) {
    try {
      return new TextDecoder(charset);
    } catch {
      // Unknown charset label: fall back to UTF-8.
    }
  }
  return utf8;
}
