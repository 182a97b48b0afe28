// Reading an editor's YAML file field by field, so that every problem names the file, the line and
// the reason (story.yaml, sources.yaml and mentions.yaml all go through here). Problems are
// collected, not thrown one at a time: an editor sees every mistake of a file at once.
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { markupProblem } from '../data-contract.js';

export interface Problem {
	file: string;
	line: number;
	message: string;
}

/** One or more problems in the content, each printed as `file:line: reason`. */
export class ContentError extends Error {
	readonly problems: Problem[];
	constructor(problems: Problem[]) {
		// (A mistake met twice, as a citation repeated in one paragraph, is told once.)
		const line = (p: Problem) => `${p.file}:${p.line}: ${p.message}`;
		const unique = problems.filter((p, i) => problems.findIndex((q) => line(q) === line(p)) === i);
		super(unique.map(line).join('\n'));
		this.problems = unique;
		this.name = 'ContentError';
	}
}

/** Where a node is: keys and list indexes from the top of the document. */
export type Path = (string | number)[];

class Reason {
	constructor(readonly text: string) {}
}

/** Checks one value: returns it (or what it stands for), or a Reason it is wrong. */
export type Check<T> = ((value: unknown) => T | Reason) & { optional?: true };

/** Text, plain (markupProblem). */
const plainText = (v: string) => {
	const problem = markupProblem('', v);
	return problem ? new Reason(problem) : v;
};
export const str: Check<string> = (v) =>
	typeof v === 'string' && v.trim() ? plainText(v) : new Reason('must be non-empty text');
export const bool: Check<boolean> = (v) =>
	typeof v === 'boolean' ? v : new Reason('must be true or false');
export const map: Check<Record<string, unknown>> = (v) =>
	v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length
		? (v as Record<string, unknown>)
		: new Reason('must be a non-empty mapping');
export const list: Check<unknown[]> = (v) =>
	Array.isArray(v) && v.length ? v : new Reason('must be a non-empty list');
export const stringList: Check<string[]> = (v) =>
	Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim())
		? (v as string[])
		: new Reason('must be a list of names or ids');
export const textList: Check<string[]> = (v) =>
	Array.isArray(v) && v.length && v.every((x) => typeof x === 'string' && x.trim())
		? (v.map(plainText).find((x) => x instanceof Reason) ?? (v as string[]))
		: new Reason('must be a non-empty list of names');
export const range =
	(min: number, max: number): Check<number> =>
	(v) =>
		typeof v === 'number' && v >= min && v <= max
			? v
			: new Reason(`must be a number from ${min} to ${max}`);
export const lngLat: Check<[number, number]> = (v) =>
	Array.isArray(v) &&
	v.length === 2 &&
	v.every((x) => typeof x === 'number') &&
	Math.abs(v[0]) <= 180 &&
	Math.abs(v[1]) <= 90
		? [v[0], v[1]]
		: new Reason(
				'must be [longitude, latitude] in degrees (longitude first: -180..180, then latitude: -90..90)'
			);
export const optional = <T>(check: Check<T>, fallback: T): Check<T> =>
	Object.assign((v: unknown) => (v === undefined ? fallback : check(v)), {
		optional: true as const
	});

export class YamlFile {
	readonly problems: Problem[] = [];
	readonly #doc: Document;
	readonly #lines = new LineCounter();
	readonly #text: string;

	constructor(
		text: string,
		readonly file: string
	) {
		this.#text = text;
		this.#doc = parseDocument(text, { lineCounter: this.#lines, prettyErrors: false });
		const error = this.#doc.errors[0];
		// The first mistake, in an editor's words: the parser's next ones follow from it.
		if (error) {
			const { line, message } = explainYaml(
				text,
				error.code,
				error.message,
				this.#lines.linePos(error.pos[0]).line
			);
			this.report(line, message ?? `YAML: ${error.message.split('\n')[0]}`);
		}
	}

	report(line: number, message: string) {
		this.problems.push({ file: this.file, line, message });
	}

	/** Reports `message` at the line of the node at `path`. */
	reportAt(path: Path, message: string) {
		this.report(this.lineOf(path), message);
	}

	/** Reports `message` at the line of the key that ends `path` (a mapping's value may start
	 *  on the next line). */
	reportAtKey(path: Path, message: string) {
		const parent = path.length > 1 ? this.#doc.getIn(path.slice(0, -1), true) : this.#doc.contents;
		const pair = isMap(parent)
			? parent.items.find((item) => (item.key as { value?: unknown })?.value === path.at(-1))
			: undefined;
		const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
		this.report(range ? this.#lines.linePos(range[0]).line : this.lineOf(path), message);
	}

	/** Throws every problem reported so far, if any. */
	throwProblems() {
		if (this.problems.length) throw new ContentError(this.problems);
	}

	/** The keys of the mapping at `path` ([] when it is not a mapping). */
	keys(path: Path): string[] {
		const node = path.length ? this.#doc.getIn(path, true) : this.#doc.contents;
		return isMap(node)
			? node.items.map((item) => String((item.key as { value?: unknown })?.value ?? item.key))
			: [];
	}

	/** Reads the mapping at `path` with the given fields; reports missing, wrong and unknown keys.
	 *  Returns undefined when anything was wrong with it. */
	fields(path: Path, spec: Record<string, Check<unknown>>): Record<string, unknown> | undefined {
		const node = path.length ? this.#doc.getIn(path, true) : this.#doc.contents;
		const where = path.length ? this.describe(path) : 'the file';
		if (!isMap(node)) {
			const required = Object.entries(spec).filter(([, check]) => !check.optional);
			this.reportAt(
				path,
				node === null || (node as { value?: unknown })?.value === null
					? `${where} is empty: give its fields (${required.map(([k]) => k).join(', ')})`
					: `${where} must be a mapping of fields (${Object.keys(spec).join(', ')}), each on its own line as "field: value"`
			);
			return undefined;
		}
		const raw = node.toJSON() as Record<string, unknown>;
		const out: Record<string, unknown> = {};
		let ok = true;
		for (const [key, check] of Object.entries(spec)) {
			const result = check(raw[key]);
			if (raw[key] === undefined && !check.optional) {
				this.reportAt(path, `${where}: missing field "${key}"`);
				ok = false;
			} else if (result instanceof Reason) {
				this.reportAt([...path, key], `${path.length ? `${where}: ` : ''}${key} ${result.text}`);
				ok = false;
			} else out[key] = result;
		}
		for (const key of Object.keys(raw)) {
			if (!(key in spec))
				this.reportAtKey(
					[...path, key],
					`${where}: unknown field "${key}" (expected: ${Object.keys(spec).join(', ')})`
				);
		}
		return ok ? out : undefined;
	}

	/** A node's place as an editor reads it: list items by 1-based position and id,
	 *  e.g. `section 4 "ukraine", passage 2`. */
	describe(path: Path): string {
		const parts: string[] = [];
		path.forEach((key, i) => {
			if (typeof key === 'string') {
				if (typeof path[i + 1] !== 'number')
					parts.push(i === 1 && path[0] === 'views' ? `view "${key}"` : key);
				return;
			}
			const id = (this.#doc.getIn([...path.slice(0, i + 1), 'id']) as unknown) ?? undefined;
			const list = String(path[i - 1] ?? 'item').replace(/s$/, '');
			parts.push(`${list} ${key + 1}${typeof id === 'string' ? ` "${id}"` : ''}`);
		});
		return parts.filter((p) => p !== 'views').join(', ');
	}

	/** The line of the first occurrence of `needle` inside the node at `path` (a placeholder in a
	 *  long text), or the node's own line. */
	lineOfText(path: Path, needle: string): number {
		const range = (this.#doc.getIn(path, true) as { range?: [number, number, number] } | null)
			?.range;
		const at = range ? this.#text.indexOf(needle, range[0]) : -1;
		return range && at !== -1 && at < range[2] ? this.#lines.linePos(at).line : this.lineOf(path);
	}

	/** The 1-based line where the node at `path` starts, or where its nearest existing parent starts. */
	lineOf(path: Path): number {
		for (let n = path.length; n >= 0; n--) {
			const node = n ? this.#doc.getIn(path.slice(0, n), true) : this.#doc.contents;
			const range = (node as { range?: [number, number, number] } | null)?.range;
			if (range) return this.#lines.linePos(range[0]).line;
		}
		return 1;
	}
}

/** The line, at or above `line` (where the parser gave up), that opens a flow list or mapping
 *  it does not close ("[" or "{" more often than "]" or "}"), or 0. */
function unclosedBracket(lines: string[], line: number): number {
	const count = (l: string, c: string) => l.split(c).length - 1;
	for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
		const l = lines[i].replace(/\s#.*$/, '');
		if (count(l, '[') > count(l, ']') || count(l, '{') > count(l, '}')) return i + 1;
	}
	return 0;
}

/** A YAML parser error in an editor's words, at the line that matters; message null where there
 *  are no better words than the parser's. */
function explainYaml(
	text: string,
	code: string,
	parserMessage: string,
	line: number
): { line: number; message: string | null } {
	const lines = text.split('\n');
	// (Only where the parser's complaint is about a flow list or mapping: a "[" in prose is text.)
	const bracket = /flow (sequence|map|collection)|end with [\]}]/i.test(parserMessage)
		? unclosedBracket(lines, line)
		: 0;
	if (bracket) {
		const open = /[[{]/.exec(lines[bracket - 1].replace(/#.*/, ''))?.[0] ?? '[';
		return {
			line: bracket,
			message: `this "${open}" is never closed: end the ${open === '[' ? 'list with "]"' : 'mapping with "}"'} on the same line`
		};
	}
	const here = lines[line - 1] ?? '';
	if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
		const value = /^\s*(?:- )?[\w-]+:\s+(.*\S)\s*$/.exec(here)?.[1];
		if (value && /:\s/.test(value))
			return {
				line,
				message: `the text has a colon followed by a space, which YAML reads as a new field: put the text in quotes, e.g. ${here.trim().replace(value, JSON.stringify(value))}`
			};
	}
	const quote = /closing (["'])quote/.exec(parserMessage)?.[1];
	if (code === 'MISSING_CHAR' && quote) {
		// The line, at or above the parser's, where a text opens with that quote mark and does not
		// close it (an apostrophe inside plain text, He's, opens nothing).
		const opens = (l: string) =>
			quote === '"'
				? (l.replace(/\\"/g, '').match(/"/g) ?? []).length % 2 === 1
				: /(^|:\s|-\s|\[|,\s*)'/.test(l) &&
					(l.replace(/''/g, '').match(/'/g) ?? []).length % 2 === 1;
		const opened = lines.slice(0, line).findLastIndex(opens);
		if (opened !== -1)
			return {
				line: opened + 1,
				message: 'this quoted text is never closed: end it with the same quote mark it opens with'
			};
	}
	const messages: Record<string, string> = {
		TAB_AS_INDENT: 'a tab indents this line: indent with spaces only',
		DUPLICATE_KEY: `the field "${/^\s*(?:- )?([^:]+):/.exec(here)?.[1] ?? ''}" is given twice here: keep one`,
		BAD_INDENT:
			'this line is not lined up with the lines of its group: indent it by as many spaces as they are'
	};
	return { line, message: messages[code] ?? null };
}
