import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { TextDecoder } from 'node:util';

// Bodies are only compressed when the step itself asked for it with Accept-Encoding.
const decompressors: Record<string, (input: Buffer) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/** Response bytes as text: decompressed per Content-Encoding and decoded per the Content-Type charset (UTF-8 by default). */
export function decodeBody(bytes: Buffer, headers: Record<string, string>): string {
  let data = bytes;
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  const decompress = encoding === undefined ? undefined : decompressors[encoding];
  if (decompress !== undefined && data.length > 0) {
    try {
      data = decompress(data);
    } catch {
      // A body that claims compression but is not compressed is shown as it arrived.
    }
  }
  return decoderFor(headers['content-type']).decode(data);
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
