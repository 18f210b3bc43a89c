import iconv from 'iconv-lite';
import { HttpProblem } from '../../http/http-problem.js';

/**
 * Which character encoding a text file (CSV, a shapefile's DBF) is in.
 *
 * Vietnamese files come as UTF-8 (Excel's "CSV UTF-8" adds a BOM), UTF-16
 * with a BOM (Excel's "Unicode Text"), Windows-1258 (Excel's plain "CSV" on a
 * Vietnamese Windows, ArcGIS's DBF without .cpg), or TCVN3 (ABC), the 8-bit
 * encoding of the old .VnTime fonts, which decodes without error as any 8-bit
 * code page but gives nonsense: it is recognised and refused.
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** The BOM (if any) and the encoding of `bytes`; throws 400 for TCVN3 or anything else undecodable. */
export function sniffTextEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return sniffUnmarkedEncoding(bytes);
}

/** For bytes without a BOM: UTF-8 when they are valid UTF-8, else Windows-1258 when they read as Vietnamese in it. */
export function sniffUnmarkedEncoding(bytes: Uint8Array): 'utf-8' | 'windows-1258' {
  if (isValidUtf8(bytes)) return 'utf-8';
  // UTF-8 damaged here and there, or mixed with another encoding: neither code page reading would be right.
  const { sequences, stray } = utf8Shape(bytes);
  if (sequences * 10 >= stray) throw new HttpProblem(400, 'import-encoding-unknown');
  if (looksLikeTcvn3Bytes(bytes)) throw new HttpProblem(400, 'import-encoding-tcvn3');
  if (readsAsVietnamese(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1258'))) return 'windows-1258';
  throw new HttpProblem(400, 'import-encoding-unknown');
}

/** How many well-formed UTF-8 multi-byte sequences the bytes hold, and how many non-ASCII bytes are outside any. */
function utf8Shape(bytes: Uint8Array): { sequences: number; stray: number } {
  let sequences = 0;
  let stray = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += length;
    } else {
      stray++;
      i++;
    }
  }
  return { sequences, stray };
}

/** The text, without its BOM, in Unicode NFC (Windows-1258 writes tone marks as combining characters). */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  try {
    switch (encoding) {
      case 'utf-8-bom': text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(3)); break;
      case 'utf-8': text = new TextDecoder('utf-8', { fatal: true }).decode(buffer); break;
      case 'utf-16le': text = new TextDecoder('utf-16le', { fatal: true }).decode(buffer.subarray(2)); break;
      case 'utf-16be': text = new TextDecoder('utf-16be', { fatal: true }).decode(buffer.subarray(2)); break;
      case 'windows-1258': text = iconv.decode(buffer, 'windows-1258'); break;
    }
  } catch {
    throw new HttpProblem(400, 'import-encoding-unknown');
  }
  // NUL never occurs in text: these bytes are UTF-16 without a BOM, or not text at all.
  if (text.includes('\u0000')) throw new HttpProblem(400, 'import-encoding-unknown');
  return text.normalize('NFC');
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Letters every Vietnamese text has, which other Latin-script languages lack
// (ă â đ ê ô ơ ư, the precomposed toned letters U+1EA0–U+1EF9) and the five
// combining tone marks Windows-1258 uses: grave, acute, tilde, hook above, dot below.
const vietnameseLetter = /[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]|\u0300|\u0301|\u0303|\u0309|\u0323/u;
// C1 controls and U+FFFD: bytes the code page leaves undefined, so not its text.
const notText = /[\u0080-\u009f\ufffd]/u;

export function readsAsVietnamese(text: string): boolean {
  return vietnameseLetter.test(text) && !notText.test(text);
}

/**
 * TCVN3 puts its commonest letters (ă â ê ô ơ ư đ Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xAE,
 * à ả ã á ạ ằ ẳ ẵ ắ at 0xB5–0xBE) where Windows code pages have symbols
 * (¡ … ®, µ … ¾) that never stand inside a word. Counted when they touch a
 * letter; TCVN3 when at least two do and they are a fifth of the non-ASCII
 * characters at least (a "Viettel®" alone is not TCVN3).
 */
function isTcvn3Signature(code: number): boolean {
  return (code >= 0xa1 && code <= 0xae) || (code >= 0xb5 && code <= 0xbe);
}

function isLetterLike(code: number | undefined): boolean {
  if (code === undefined) return false;
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code >= 0x80;
}

function tcvn3Score(codes: ArrayLike<number>): { signature: number; nonAscii: number } {
  let signature = 0;
  let nonAscii = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0x80) continue;
    nonAscii++;
    if (isTcvn3Signature(code) && (isLetterLike(codes[i - 1]) || isLetterLike(codes[i + 1]))) signature++;
  }
  return { signature, nonAscii };
}

export function looksLikeTcvn3Bytes(bytes: Uint8Array): boolean {
  const { signature, nonAscii } = tcvn3Score(bytes);
  return signature >= 2 && signature * 5 >= nonAscii;
}

/**
 * The same test on text already in Unicode (an XLSX typed with a .VnTime
 * font stores the TCVN3 bytes as Latin-1 characters: "Tr¹m" for "Trạm"); real
 * Vietnamese letters outnumbering the signature mean the text is Unicode.
 */
export function looksLikeTcvn3Text(text: string): boolean {
  const codes: number[] = [];
  let vietnamese = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    codes.push(code > 0xff ? 0x100 : code);
    if (vietnameseLetter.test(ch)) vietnamese++;
  }
  const { signature, nonAscii } = tcvn3Score(codes);
  return signature >= 2 && signature * 5 >= nonAscii && vietnamese < signature;
}
