// Why this file exists: the authored files (*.geojson, distances.json, basemap.json) are edited by
// hand, and JSON.parse's own complaint ("... at position 5123", or for some mistakes no position
// at all) and Node's silent replacement of bytes that are not UTF-8 leave an editor searching.
// This reads one file and reports a problem as "<file>:<line>[:<column>]: <reason>", the form
// editors and terminals link to, with what to do where the mistake is a common one.

import fs from 'node:fs';

/**
 * Read and parse a JSON file that must be UTF-8. A UTF-8 byte order mark is accepted (the
 * decoder drops it), since some Windows editors write one.
 * @param {string} full  path to read
 * @param {string} file  path to print in the message
 * @returns {{ value: any, error: null } | { value: null, error: string }}
 */
export function readJsonFile(full, file) {
  const bytes = fs.readFileSync(full);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { value: null, error: notUtf8(bytes, file) };
  }
  try {
    return { value: JSON.parse(text), error: null };
  } catch (e) {
    return { value: null, error: syntaxError(text, /** @type {Error} */ (e).message, file) };
  }
}

/**
 * "<file>:<line>: not UTF-8 (byte 0xE9); …" for the first byte that does not decode.
 * @param {Uint8Array} bytes
 * @param {string} file
 */
function notUtf8(bytes, file) {
  const at = firstBadUtf8Byte(bytes);
  if (at < 0) return `${file}: not UTF-8; save the file as UTF-8`; // the decoder and this scan disagree: say what is known
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  return `${file}:${line}: not UTF-8 (byte 0x${hex}); save the file as UTF-8`;
}

/**
 * Index of the first byte that starts an invalid UTF-8 sequence (a Latin-1 "é" is the lone byte
 * 0xE9), or -1. TextDecoder only says that the input is bad, not where: this walks the
 * sequences by the rules of RFC 3629 (no overlong forms, no surrogates, nothing past U+10FFFF).
 * @param {Uint8Array} bytes
 */
export function firstBadUtf8Byte(bytes) {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const more = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (more < 0) return i;
    // The lead byte narrows the range of the second byte; later bytes are 0x80–0xBF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= more; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += more + 1;
  }
  return -1;
}

/**
 * "<file>:<line>:<column>: JSON: <reason>[; <what to do>]". The position comes from JSON.parse's
 * message ("at position N" in Node 20); some messages have none (Node 20's "Unexpected token"),
 * so then the text is scanned for it.
 * @param {string} text
 * @param {string} message  JSON.parse's error message
 * @param {string} file
 */
function syntaxError(text, message, file) {
  const reason = message
    .replace(/,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '') // V8 quotes the text around the mistake
    .replace(/ \(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '')
    .replace(/ at position \d+/, '');
  const stated = /at position (\d+)/.exec(message);
  const pos = stated ? Number(stated[1]) : syntaxErrorAt(text);
  if (pos < 0) return `${file}: JSON: ${reason}`;
  const lines = text.slice(0, pos).split('\n');
  const where = `${file}:${lines.length}:${lines[lines.length - 1].length + 1}`;
  const hint = hintAt(text, pos);
  return `${where}: JSON: ${reason}${hint ? `; ${hint}` : ''}`;
}

/**
 * What to do about the common hand-editing mistakes, judged from the character at the error
 * and the last one before it; '' when the mistake is not one of them.
 * @param {string} text
 * @param {number} pos
 */
function hintAt(text, pos) {
  const here = text[pos];
  const before = text.slice(0, pos).trimEnd().slice(-1);
  if (here === undefined) return 'the file ends before the JSON does: close every { and [';
  if ((here === '}' || here === ']') && before === ',') return 'remove the comma before it: JSON allows no trailing comma';
  if (here === "'") return 'JSON strings and names take double quotes "';
  if (here === '/' || here === '#') return 'JSON has no comments: remove it';
  if (/["{[\d-]/.test(here) && /["}\]\del]/.test(before)) return 'is a comma missing before it?';
  return '';
}

/**
 * Offset of the first character where `text` stops being valid JSON (text.length when it ends
 * too early), or -1 if it is valid. Only used where JSON.parse gives no position. A mistake
 * inside a string is reported at the string's opening quote.
 * @param {string} text
 */
export function syntaxErrorAt(text) {
  const token = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const scalar = () => {
    token.lastIndex = i;
    const m = token.exec(text);
    if (m) i += m[0].length;
    return m !== null;
  };
  /** @returns {boolean} */
  const value = () => {
    space();
    const open = text[i];
    if (open !== '{' && open !== '[') return scalar();
    const close = open === '{' ? '}' : ']';
    i++;
    space();
    if (text[i] === close) {
      i++;
      return true;
    }
    for (;;) {
      if (open === '{') {
        space();
        if (text[i] !== '"' || !scalar()) return false;
        space();
        if (text[i] !== ':') return false;
        i++;
      }
      if (!value()) return false;
      space();
      if (text[i] === close) {
        i++;
        return true;
      }
      if (text[i] !== ',') return false;
      i++;
    }
  };
  if (!value()) return i;
  space();
  return i === text.length ? -1 : i;
}
