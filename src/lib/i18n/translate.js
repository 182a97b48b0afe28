// The interface's words in the story's language: a message from its messages file (en.json,
// de.json, … beside this file) with its {placeholders} filled in, a plural chosen by the
// language's plural rules, numbers and dates written the language's way (Intl). Pure: the pages
// (t.ts), the build (load-content.ts) and the geodata build use it alike.

/** @typedef {keyof typeof import('./en.json')} MessageKey */
/** @typedef {string | Record<string, string>} Message  text, or its plural forms by category */
/** @typedef {Record<string, Message>} Messages */
/** @typedef {Record<string, string | number>} Params */

/** Every {name} in a message. */
export const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * @param {string} language  a BCP 47 tag, the story's `language`
 * @param {Messages} messages  that language's messages, checked (read-messages.js)
 */
export function translator(language, messages) {
	const plurals = new Intl.PluralRules(language);
	const numbers = new Intl.NumberFormat(language);
	const dates = new Intl.DateTimeFormat(language, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});

	/** A number as the language writes it: 6,990 in English, 6.990 in German. */
	const number = (/** @type {number} */ n, /** @type {Intl.NumberFormatOptions} */ options = {}) =>
		Object.keys(options).length ? n.toLocaleString(language, options) : numbers.format(n);

	/**
	 * The message `key`, its placeholders filled in (numbers written the language's way); a plural
	 * message takes its form from `count`.
	 * @param {MessageKey} key
	 * @param {Params} [params]
	 * @returns {string}
	 */
	function t(key, params = {}) {
		return parts(key, params)
			.map((part) => (typeof part === 'string' ? part : `{${part.slot}}`))
			.join('');
	}

	/**
	 * The message `key` cut at the placeholders `params` does not fill, for markup around them:
	 * "Published {date}." → ['Published ', { slot: 'date' }, '.'].
	 * @param {MessageKey} key
	 * @param {Params} [params]
	 * @returns {(string | { slot: string })[]}
	 */
	function parts(key, params = {}) {
		const message = messages[key];
		if (message === undefined) return [key]; // (only while its file's problems are being reported)
		const text =
			typeof message === 'string'
				? message
				: (message[plurals.select(Number(params.count))] ?? message.other);
		// The message's own placeholders only: a value given ("{cite}" in a headline) stays text.
		/** @type {(string | { slot: string })[]} */
		const out = [];
		text.split(/(\{\w+\})/).forEach((piece, i) => {
			const name = i % 2 ? piece.slice(1, -1) : null;
			const value = name === null ? piece : params[name];
			if (name !== null && value === undefined) out.push({ slot: name });
			else {
				const s = typeof value === 'number' ? numbers.format(value) : String(value);
				if (typeof out.at(-1) === 'string') out[out.length - 1] += s;
				else if (s) out.push(s);
			}
		});
		return out;
	}

	return {
		language,
		messages,
		t,
		parts,
		number,
		/** "16 August 2025", "16. August 2025": a YYYY-MM-DD date of the story file. */
		date: (/** @type {string} */ text) => dates.format(new Date(`${text}T12:00:00Z`)),
		/** MapLibre's own words (its controls' titles, its gesture hints). */
		maplibreLocale: () =>
			Object.fromEntries(
				Object.entries(messages)
					.filter(([k]) => k.startsWith('maplibre.'))
					.map(([k, v]) => [k.slice('maplibre.'.length), /** @type {string} */ (v)])
			)
	};
}

/** @typedef {ReturnType<typeof translator>} Translator */
