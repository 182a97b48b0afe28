// Why this file exists: the authored files (*.geojson, distances.json, basemap.json) are edited by
// hand, and JSON.parse's own complaint ("... at position 5123", or for some mistakes no position
// at all) and Node's silent replacement of bytes that are not UTF-8 leave an editor searching.
// This reads one file and reports a problem as "<file>:<line>[:<column>]: <reason>", the form
// editors and terminals link to, with what to do where the mistake is a common one.

import fs from 'node:fs';
import { decodeUtf8, hexByte } from '../../src/lib/server/utf8.js';
import { markupProblem } from '../../src/lib/data-contract.js';

/**
 * Read and parse a JSON file that must be UTF-8. A UTF-8 byte order mark is accepted (the
 * decoder drops it), since some Windows editors write one.
 * @param {string} full  path to read
 * @param {string} file  path to print in the message
 * @returns {{ value: any, error: null } | { value: null, error: string }}
 */
export function readJsonFile(full, file) {
	const decoded = decodeUtf8(fs.readFileSync(full));
	if (decoded.text === null) {
		const { line, byte } = decoded;
		const error =
			line && byte !== undefined
				? `${file}:${line}: not UTF-8 (byte ${hexByte(byte)}); save the file as UTF-8`
				: `${file}: not UTF-8; save the file as UTF-8`;
		return { value: null, error };
	}
	try {
		return { value: JSON.parse(decoded.text), error: null };
	} catch (e) {
		return {
			value: null,
			error: syntaxError(decoded.text, /** @type {Error} */ (e).message, file)
		};
	}
}

/**
 * The 1-based line of a JSON text where `"key":` is written (a file hand-edited one field a
 * line), or 0.
 * @param {string} text
 * @param {string} key
 */
export function keyLine(text, key) {
	return text.split('\n').findIndex((l) => l.includes(`${JSON.stringify(key)}:`)) + 1;
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
	if ((here === '}' || here === ']') && before === ',')
		return 'remove the comma before it: JSON allows no trailing comma';
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
	const token =
		// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
		/"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
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

/**
 * The checks every entry of a list of measured things (distances.json, areas.json) shares: its
 * name for messages, and the problems of its `id` (kebab-case, not used before: `seen` records
 * it) and its `label`.
 * @param {any} entry
 * @param {number} index
 * @param {Set<string>} seen
 * @param {RegExp} idPattern
 */
export function entryHeader(entry, index, seen, idPattern) {
	const name = typeof entry?.id === 'string' && entry.id ? entry.id : `#${index + 1}`;
	/** @type {string[]} */
	const problems = [];
	if (typeof entry?.id !== 'string' || !idPattern.test(entry.id))
		problems.push('missing or invalid "id" (kebab-case)');
	else if (seen.has(entry.id)) problems.push('duplicate id');
	else seen.add(entry.id);
	if (typeof entry?.label !== 'string' || !entry.label.trim()) problems.push('missing "label"');
	else {
		const markup = markupProblem('"label"', entry.label);
		if (markup) problems.push(markup);
	}
	return { name, problems };
}
