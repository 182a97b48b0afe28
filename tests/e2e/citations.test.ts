// Every citation in the BUILT story leads to the passage it cites: the link's source page exists,
// has the paragraph id, and that paragraph contains the quote, marked. Read from build/ on disk
// (the end-to-end project runs after the build), so that it checks what a reader gets, not what
// the code meant.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sites } from './browser';

interface Citation {
	/** The id of the story section the passage is in. */
	section: string;
	source: string;
	paragraph: string;
	quote: string;
	href: string;
}

/** Decodes the entities Svelte writes (&amp; &lt; &gt; &quot; &#39;) and numeric ones. */
function decode(html: string): string {
	const named: Record<string, string> = {
		amp: '&',
		lt: '<',
		gt: '>',
		quot: '"',
		apos: "'",
		nbsp: '\u00a0'
	};
	return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#')
			return String.fromCodePoint(
				name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
			);
		return named[name.toLowerCase()] ?? whole;
	});
}

/** The text of an HTML fragment: comments (Svelte's hydration markers) and tags dropped. */
const textOf = (html: string) =>
	decode(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''));

const attr = (tag: string, name: string) => {
	const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
	return value === undefined ? undefined : decode(value);
};

/** Each passage of the story page: its blockquote and the link in its figcaption. */
function citations(html: string): Citation[] {
	const sectionStarts = [...html.matchAll(/<section\b[^>]*\sdata-section="([^"]+)"/g)].map((m) => ({
		at: m.index,
		id: m[1]
	}));
	return [...html.matchAll(/<figure\b[^>]*>([\s\S]*?)<\/figure>/g)].flatMap((figure) => {
		const quote = /<blockquote\b([^>]*)>([\s\S]*?)<\/blockquote>/.exec(figure[1]);
		if (!quote) return [];
		const link = /<figcaption\b[^>]*>[\s\S]*?<a\b([^>]*)>/.exec(figure[1]);
		return [
			{
				section: sectionStarts.filter((s) => s.at < figure.index).at(-1)?.id ?? '',
				source: attr(quote[1], 'data-source') ?? '',
				paragraph: attr(quote[1], 'data-paragraph') ?? '',
				quote: textOf(quote[2]),
				href: link ? (attr(link[1], 'href') ?? '') : ''
			}
		];
	});
}

/** The inner HTML of the element with id="<id>" (paragraphs do not nest), or undefined. */
function elementById(html: string, id: string): string | undefined {
	const open = new RegExp(`<(\\w+)\\b[^>]*\\sid="${id}"[^>]*>`).exec(html);
	if (!open) return undefined;
	const start = open.index + open[0].length;
	const end = html.indexOf(`</${open[1]}>`, start);
	return end < 0 ? undefined : html.slice(start, end);
}

/** What is wrong with one citation, given a reader of built pages (by path under the build);
 *  [] when it leads to its quote (and, with `marked`, when the source page marks the quote there). */
function problems(
	c: Citation,
	readPage: (file: string) => string | undefined,
	marked = false
): string[] {
	const where = `${c.section}: “${c.quote.slice(0, 40)}…”`;
	const link = /^\/sources\/([\w-]+)\?from=([\w-]+)#p(\d+)$/.exec(c.href);
	if (!link) return [`${where}: link "${c.href}" is not /sources/<id>?from=<section>#p<n>`];
	const [, source, from, paragraph] = link;
	const out: string[] = [];
	if (source !== c.source || paragraph !== c.paragraph) {
		out.push(
			`${where}: link ${source}#p${paragraph} but blockquote says ${c.source}#p${c.paragraph}`
		);
	}
	if (from !== c.section)
		out.push(`${where}: link comes from "${from}" but is in section "${c.section}"`);
	const page = readPage(`sources/${source}.html`);
	if (page === undefined) return [...out, `${where}: sources/${source}.html does not exist`];
	const ids = page.match(new RegExp(`\\sid="p${paragraph}"`, 'g')) ?? [];
	if (ids.length !== 1)
		return [...out, `${where}: ${source} has ${ids.length} elements id="p${paragraph}"`];
	const inner = elementById(page, `p${paragraph}`) ?? '';
	if (!textOf(inner).includes(c.quote))
		out.push(`${where}: ${source} ¶${paragraph} does not contain the quote`);
	if (!marked) return out;
	const marks = [...inner.matchAll(/<mark\b[^>]*>([\s\S]*?)<\/mark>/g)].map((m) => textOf(m[1]));
	if (!marks.some((m) => m.includes(c.quote)))
		out.push(`${where}: ${source} ¶${paragraph} does not mark the quote`);
	return out;
}

describe.each(sites())('citations in the built story: $name', ({ build }) => {
	let story: Citation[];
	const pages = new Map<string, string | undefined>();
	const readPage = (file: string) => {
		const full = join(build, file);
		if (!pages.has(full))
			pages.set(full, existsSync(full) ? readFileSync(full, 'utf8') : undefined);
		return pages.get(full);
	};

	beforeAll(() => {
		story = citations(readPage('index.html')!);
	});

	it('finds a citation link for every quoted passage', () => {
		const html = readPage('index.html')!;
		const quotes = html.match(/<blockquote\b[^>]*\sdata-source=/g) ?? [];
		expect(story.length).toBeGreaterThan(0);
		expect(story.length).toBe(quotes.length);
		expect(story.filter((c) => !c.href).map((c) => c.quote)).toEqual([]);
	});

	it('every link opens its report at the paragraph that contains the quote', () => {
		expect(story.flatMap((c) => problems(c, readPage))).toEqual([]);
	});

	it('the source page marks every quote the story cites in that paragraph', () => {
		expect(story.flatMap((c) => problems(c, readPage, true))).toEqual([]);
	});

	it('every citation in our own words opens an existing paragraph of its report', () => {
		// The story's links to reports outside its passages' captions: those of its own text.
		const html = readPage('index.html')!.replace(/<figcaption\b[\s\S]*?<\/figcaption>/g, '');
		const links = [
			...html.matchAll(/<a\b[^>]*\shref="(\/sources\/[^"]*#p\d+)"[^>]*>([\s\S]*?)<\/a>/g)
		];
		const wrong = links.flatMap(([, href, text]) => {
			const [, source, paragraph] = /^\/sources\/([\w-]+)\?from=[\w-]+#p(\d+)$/.exec(href) ?? [];
			const page = source && readPage(`sources/${source}.html`);
			const ok =
				page && page.includes(` id="p${paragraph}"`) && textOf(text).includes(`¶${paragraph}`);
			return ok ? [] : [`${href}: ${textOf(text)}`];
		});
		expect(wrong).toEqual([]);
		if (build === 'build') expect(links.length).toBeGreaterThan(20);
	});

	it('would catch a link to the wrong paragraph, report or section', () => {
		const c = story[0];
		const next = String(Number(c.paragraph) + 1);
		const wrong = { ...c, href: c.href.replace(/#p\d+$/, `#p${next}`) };
		expect(problems(wrong, readPage).join('\n')).toMatch(/but blockquote says/);
		// Both attribute and link wrong alike: the text of the paragraph itself must still contain it.
		expect(problems({ ...wrong, paragraph: next }, readPage).join('\n')).toMatch(
			/does not contain the quote/
		);
		expect(
			problems({ ...c, href: c.href.replace(/\/sources\/[\w-]+/, '/sources/nope') }, readPage).join(
				'\n'
			)
		).toMatch(/does not exist/);
		expect(problems({ ...c, section: 'elsewhere' }, readPage).join('\n')).toMatch(/comes from/);
	});
});
