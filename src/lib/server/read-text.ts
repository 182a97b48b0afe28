// Reading an editor's text file. A file saved in another encoding (latin-1, say) would otherwise
// turn its accents and curly quotes into replacement characters and fail later as "quote not
// found"; here it fails at once, naming the line.
import { readFileSync } from 'node:fs';
import { decodeUtf8, hexByte } from './utf8.js';
import { ContentError } from './yaml-reader.ts';

export function readText(file: string): string {
	const decoded = decodeUtf8(readFileSync(file));
	if (decoded.text !== null) return decoded.text;
	const byte = decoded.byte === undefined ? '' : ` (byte ${hexByte(decoded.byte)} on this line)`;
	const message = `the file is not UTF-8${byte}: save it as UTF-8 (in most editors: "Save with encoding", UTF-8)`;
	throw new ContentError([{ file, line: decoded.line ?? 1, message }]);
}
