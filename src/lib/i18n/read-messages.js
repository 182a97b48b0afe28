// Reads the messages file of the story's language (src/lib/i18n/<language>.json) and checks it
// against the English one, which names every key: a key missing or unknown, a plural without a
// form the language needs, or a {placeholder} the message is never given is a problem naming the
// file and its line. Build time only (the content loader and the geodata build).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { keyLine, readJsonFile } from '../../../geodata/lib/json.js';
import { PLACEHOLDER, translator } from './translate.js';

/** Where the messages files are: one per language, named by its tag (en.json, de.json, pt-BR.json). */
export const MESSAGES_DIR = path.join('src', 'lib', 'i18n');
/** The language that names every key, and the one the others are checked against. */
export const BASE_LANGUAGE = 'en';

/** @typedef {import('./translate.js').Messages} Messages */
/** @typedef {import('./translate.js').Message} Message */
/** @typedef {{ file: string, line: number, message: string }} Problem */

/** The languages there is a messages file for. */
export function languages(dir = MESSAGES_DIR) {
	return readdirSync(dir)
		.filter((n) => n.endsWith('.json'))
		.map((n) => n.slice(0, -'.json'.length))
		.sort();
}

/**
 * The messages file for `language`: its own (pt-BR.json), or its base language's (pt.json); null
 * when there is neither.
 * @param {string} language
 */
export function messagesFile(language, dir = MESSAGES_DIR) {
	for (const tag of new Set([language, language.split('-')[0]])) {
		const file = path.join(dir, `${tag}.json`);
		if (existsSync(file)) return file;
	}
	return null;
}

/**
 * A messages file, parsed, and the line of each key in it.
 * @param {string} file
 */
function read(file) {
	const { value, error } = readJsonFile(file, file);
	if (error) {
		const [, line = '1'] = /^[^:]+:(\d+)/.exec(error) ?? [];
		const message = error.replace(/^[^:]+:\d+(:\d+)?: /, '');
		return { value: null, problems: [{ file, line: Number(line), message }] };
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		return {
			value: null,
			problems: [{ file, line: 1, message: 'must be one JSON object: { "key": "message", … }' }]
		};
	const text = readFileSync(file, 'utf8');
	/** @param {string} key */
	const lineOf = (key) => keyLine(text, key) || 1;
	return { value, problems: /** @type {Problem[]} */ ([]), lineOf };
}

/** @param {Message} message */
const texts = (message) => (typeof message === 'string' ? [message] : Object.values(message));
/** @param {Message} message */
const placeholders = (message) =>
	new Set(texts(message).flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1])));

/**
 * The messages of `language`, checked against the English file's keys; `messages` is null when
 * there are problems.
 * @param {string} language
 * @returns {{ messages: Messages | null, problems: Problem[] }}
 */
export function readMessages(language, dir = MESSAGES_DIR) {
	const file = messagesFile(language, dir);
	if (!file) {
		const known = languages(dir).join(', ');
		const wanted = path.join(dir, `${language}.json`);
		return {
			messages: null,
			problems: [
				{
					file: wanted,
					line: 1,
					message: `no messages for the language "${language}" (there are: ${known}); copy ${path.join(dir, `${BASE_LANGUAGE}.json`)} to ${wanted} and translate it`
				}
			]
		};
	}
	const base = read(path.join(dir, `${BASE_LANGUAGE}.json`));
	if (!base.value) return { messages: null, problems: base.problems };
	const own = file === path.join(dir, `${BASE_LANGUAGE}.json`) ? base : read(file);
	if (!own.value || !own.lineOf) return { messages: null, problems: own.problems };
	const lineOf = own.lineOf;
	/** @type {Problem[]} */
	const problems = [];
	const say = (/** @type {string} */ key, /** @type {string} */ message) =>
		problems.push({ file, line: lineOf(key), message: `"${key}": ${message}` });
	// The plural forms counts up to 100 take in the language (Russian: one, few, many; French:
	// one, other, its "many" being for millions), and "other", the form for anything else.
	const rules = new Intl.PluralRules(language);
	const used = new Set([...Array.from({ length: 101 }, (_, n) => rules.select(n)), 'other']);
	const categories = ['zero', 'one', 'two', 'few', 'many', 'other'].filter((c) => used.has(c));
	const messages = /** @type {Messages} */ (own.value);

	for (const [key, english] of Object.entries(base.value)) {
		if (!(key in messages)) {
			problems.push({
				file,
				line: 1,
				message: `"${key}" is missing: add it, translating the English ${JSON.stringify(english)}`
			});
			continue;
		}
		const message = messages[key];
		const plural = message && typeof message === 'object' && !Array.isArray(message);
		if (typeof english === 'string' ? typeof message !== 'string' : !plural) {
			say(
				key,
				typeof english === 'string'
					? 'must be text, as in the English'
					: `must be plural forms (${categories.join(', ')}), as the English has`
			);
			continue;
		}
		const lacking = plural ? categories.filter((c) => typeof message[c] !== 'string') : [];
		if (lacking.length)
			say(key, `lacks the plural form${lacking.length > 1 ? 's' : ''} ${lacking.join(', ')}`);
		if (texts(message).some((t) => typeof t !== 'string' || !t.trim())) {
			say(key, 'must not be empty');
			continue;
		}
		const given = placeholders(english);
		const unknown = [...placeholders(message)].filter((p) => !given.has(p));
		if (unknown.length)
			say(
				key,
				`{${unknown.join('}, {')}} is never filled in; the message is given ${[...given].map((p) => `{${p}}`).join(', ') || 'nothing'}`
			);
	}
	for (const key of Object.keys(messages))
		if (!(key in base.value))
			say(key, `is not a message of ${BASE_LANGUAGE}.json: remove it, or check its spelling`);
	return { messages: problems.length ? null : messages, problems };
}

/**
 * The interface's words for the story in `storyFile` (its `language`), for the geodata build:
 * English where the story or its messages have a problem, which the site's build then reports.
 * @param {string} storyFile
 */
export function storyTranslator(storyFile) {
	let language = BASE_LANGUAGE;
	try {
		const named = String(parse(readFileSync(storyFile, 'utf8'))?.language ?? BASE_LANGUAGE);
		if (Intl.getCanonicalLocales(named)[0] === named) language = named;
	} catch {
		// (reported by the site's build)
	}
	const { messages } = readMessages(String(language));
	return messages
		? translator(String(language), messages)
		: translator(BASE_LANGUAGE, /** @type {Messages} */ (readMessages(BASE_LANGUAGE).messages));
}
