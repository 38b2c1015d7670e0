import { TextDecoder } from '@exodus/bytes/encoding.js';
import htmlEncodingSniffer from 'html-encoding-sniffer';

/** A page's bytes as text, with the encoding they were read in. */
export interface DecodedPage {
  text: string;
  /** The WHATWG name of the encoding used ("windows-1252", "Shift_JIS", "UTF-8"). */
  encoding: string;
}

/**
 * Decodes an uploaded page the way a browser would: a byte-order mark wins, then the charset the upload declared
 * (Content-Type), then a `<meta charset>` in the page's first kilobytes, then UTF-8 (what pages saved today are
 * in). A declared label that names no encoding is ignored. Bytes that do not fit the encoding become U+FFFD.
 * @example decodePage(Buffer.from('caf\xe9', 'latin1'), 'iso-8859-1') //=> { text: 'café', encoding: 'windows-1252' }
 */
export function decodePage(bytes: Uint8Array, declaredCharset?: string | null): DecodedPage {
  const label = declaredCharset?.trim() || undefined;
  const encoding = htmlEncodingSniffer(bytes, {
    ...(label && { transportLayerEncodingLabel: label }),
    defaultEncoding: 'UTF-8',
    maxPrescanBytes: 4096,
  });
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
