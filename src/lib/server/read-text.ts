// Reading an editor's text file. A file saved in another encoding (latin-1, say) would otherwise
// turn its accents and curly quotes into replacement characters and fail later as "quote not
// found"; here it fails at once, naming the line.
import { readFileSync } from 'node:fs';
import { ContentError } from './yaml-reader.ts';

export function readText(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lines = bytes.toString('latin1').split('\n');
    const line = lines.findIndex((_, i) => !isUtf8(bytes, lines, i)) + 1;
    const byte = Buffer.from(lines[line - 1], 'latin1').find((b) => b >= 0x80) ?? 0;
    const message = `the file is not UTF-8 (byte 0x${byte.toString(16).toUpperCase()} on this line): save it as UTF-8 (in most editors: "Save with encoding", UTF-8)`;
    throw new ContentError([{ file, line, message }]);
  }
}

/** Whether line `i` of the file (split on its bytes) decodes as UTF-8. */
function isUtf8(bytes: Buffer, lines: string[], i: number): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(lines[i], 'latin1'));
    return true;
  } catch {
    return false;
  }
}
