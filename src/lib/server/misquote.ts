// What an editor is told when a quote is not in the report it names: the report that does hold
// it, if one does; otherwise the closest text in the report, with the first character that
// differs pointed out (a straight ' against the report's ’ is invisible to the eye).
import { closestText, findParagraph, normaliseSpace, type Source } from './corpus.ts';

/** The longest text a message repeats whole; longer ones keep their start and end. */
const LONGEST = 160;

export function shorten(text: string, longest = LONGEST): string {
	if (text.length <= longest) return text;
	const half = Math.floor((longest - 3) / 2);
	return `${text.slice(0, half)} … ${text.slice(-half)} (${text.length.toLocaleString('en-GB')} characters)`;
}

/** "’" (U+2019), or "end of text". */
function character(c: string | undefined): string {
	return c === undefined
		? 'the end of the text'
		: `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** The quote around position `at`, with the character there in brackets. */
function marked(text: string, at: number): string {
	const start = Math.max(0, at - 25);
	return `${start ? '…' : ''}${text.slice(start, at)}[${text[at] ?? ''}]${text.slice(at + 1, at + 26)}${at + 26 < text.length ? '…' : ''}`;
}

export function misquoteMessage(quote: string, source: Source, sources: Source[]): string {
	const wanted = normaliseSpace(quote);
	const name = `${source.label} (${source.id})`;
	const elsewhere = sources.find((s) => s !== source && findParagraph(s, wanted));
	if (elsewhere) {
		return `quote not found in ${name}, but it is, verbatim, in ${elsewhere.label} (${elsewhere.id}), paragraph ${findParagraph(elsewhere, wanted)}: set source to ${elsewhere.id}`;
	}
	const across = source.paragraphs.findIndex((p, i) =>
		`${p} ${source.paragraphs[i + 1] ?? ''}`.includes(wanted)
	);
	if (across !== -1)
		return `the quote runs across paragraphs ${across + 1} and ${across + 2} of ${name}: a passage quotes one paragraph; make it two passages`;
	const lines = [`quote not found verbatim in ${name}: "${shorten(wanted)}"`];
	const closest = closestText(source, wanted);
	if (!closest) return `${lines[0]}\n  the report has no passage as long as this quote`;
	lines.push(`  closest text in the report: "${shorten(closest)}"`);
	let at = 0;
	while (at < wanted.length && wanted[at] === closest[at]) at++;
	if (at < wanted.length || at < closest.length) {
		lines.push(
			`  first difference at character ${at + 1}: ${character(wanted[at])} in the quote, ${character(closest[at])} in the report: "${marked(wanted, at)}"`
		);
	}
	return lines.join('\n');
}
