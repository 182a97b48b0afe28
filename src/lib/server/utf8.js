// Decoding an editor's file as UTF-8, and saying where it is not: TextDecoder only says that the
// input is bad, not where. Shared by the content loader (read-text.ts) and the geodata build
// (geodata/lib/json.js), which word their messages each for their files.

/**
 * The file's text, or the 1-based line and the value of its first byte that is not UTF-8 (a
 * Latin-1 "é" is the lone byte 0xE9). A UTF-8 byte order mark is dropped.
 * @param {Uint8Array} bytes
 * @returns {{ text: string } | { text: null, line?: number, byte?: number }}
 */
export function decodeUtf8(bytes) {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		const at = firstBadUtf8Byte(bytes);
		if (at < 0) return { text: null }; // the decoder and this scan disagree: say what is known
		let line = 1;
		for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
		return { text: null, line, byte: bytes[at] };
	}
}

/**
 * Index of the first byte that starts an invalid UTF-8 sequence, or -1: walks the sequences by
 * the rules of RFC 3629 (no overlong forms, no surrogates, nothing past U+10FFFF).
 * @param {Uint8Array} bytes
 */
function firstBadUtf8Byte(bytes) {
	for (let i = 0; i < bytes.length;) {
		const b = bytes[i];
		const more =
			b < 0x80
				? 0
				: b >= 0xc2 && b <= 0xdf
					? 1
					: b >= 0xe0 && b <= 0xef
						? 2
						: b >= 0xf0 && b <= 0xf4
							? 3
							: -1;
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

/** A byte as the messages show it: 0xE9. */
export const hexByte = (/** @type {number} */ byte) =>
	`0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
