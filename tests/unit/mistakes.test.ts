// The mistakes corpus: what an editor gets wrong, one mistake at a time, in each file of a story
// (the story file, the reports, sources.yaml and mentions.yaml, the GeoJSON layers, distances.json,
// basemap.json and the data's budget). Each is refused with the file, the line (or the feature)
// and what to do, so that none reaches a reader unnoticed. Each case edits a copy of this story.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { ContentError } from '$lib/server/yaml-reader';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A copy of this story's `dirs` to make one mistake in. */
function copy(dirs: string[]): string {
	const root = mkdtempSync(path.join(tmpdir(), 'mistake-'));
	roots.push(root);
	for (const dir of dirs) cpSync(dir, path.join(root, dir), { recursive: true });
	return root;
}

/** `file` of the copy in `root`, changed by `change` (which must change it). */
function edit(root: string, file: string, change: (text: string) => string): string {
	const full = path.join(root, file);
	const before = readFileSync(full, 'utf8');
	const after = change(before);
	expect(after, `${file}: the mistake changes nothing`).not.toBe(before);
	writeFileSync(full, after);
	return after;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) =>
	text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Every problem the content check reports for the copy, as `file:line: reason` (the copy's
 *  folder left out); none when it builds. */
function contentProblems(root: string): string[] {
	try {
		loadContent(root);
		return [];
	} catch (e) {
		if (!(e instanceof ContentError)) throw e;
		return e.problems.map((p) => `${path.relative(root, p.file)}:${p.line}: ${p.message}`);
	}
}

interface StoryMistake {
	/** The class of mistake. */
	name: string;
	file: string;
	change: (text: string) => string;
	/** What the editor must be told, given the edited file's text. */
	says: (text: string) => string | RegExp;
}

const STORY = 'content/story.yaml';
const REPORT_1 = 'content/sources/000_ed693602bbf98664.txt';
const MENTIONS = 'content/mentions.yaml';
const replace = (a: string | RegExp, b: string) => (text: string) => text.replace(a, b);
const at = (file: string, needle: string, message: string) => (text: string) =>
	`${file}:${lineOf(text, needle)}: ${message}`;
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const storyMistakes: StoryMistake[] = [
	{
		name: 'a paragraph added at the top of a report re-points the citations of our own words',
		file: REPORT_1,
		change: (text) => `Editor's note: this report was updated.\n${text}`,
		says: () =>
			new RegExp(
				`^${re(STORY)}:\\d+: dek: \\{cite:000#p1\\}: Report 1 has changed since it was cited: its ¶1 was “President Donald Trump and Russia’s Vladimir Putin met …” and is now “Editor's note: this report was updated.”; the paragraph cited is now ¶2: write \\{cite:000#p2\\}, then run \`npm run pin\``
			)
	},
	{
		name: 'a citation not pinned yet',
		file: STORY,
		change: replace(
			'with\n  Ukraine not at the table{cite:000#p6}',
			'with\n  Ukraine not at the table{cite:001#p1}'
		),
		says: (text) =>
			new RegExp(
				`^${re(STORY)}:${lineOf(text, '{cite:001#p1}')}: dek: \\{cite:001#p1\\} is not pinned yet: check that Report 2 ¶1 .* says what the text cites it for, then run \`npm run pin\``
			)
	},
	{
		name: 'an impossible date',
		file: STORY,
		change: replace('published: 2026-12-02', 'published: 2026-13-45'),
		says: at(STORY, 'published:', 'published must be a real date, YYYY-MM-DD (found "2026-13-45")')
	},
	{
		name: 'an update with an impossible date',
		file: STORY,
		change: replace(
			/^title:/m,
			'updates:\n  - date: 2025-02-30\n    section: arrival\n    text: A fix.\ntitle:'
		),
		says: (text) =>
			new RegExp(`^${re(STORY)}:${lineOf(text, '2025-02-30')}: update 1: date .*2025-02-30`)
	},
	{
		name: 'an update of a section that does not exist',
		file: STORY,
		change: replace(
			/^title:/m,
			'updates:\n  - date: 2026-12-03\n    section: arival\n    text: A fix.\ntitle:'
		),
		says: (text) => new RegExp(`^${re(STORY)}:${lineOf(text, 'arival')}: update 1: .*arival`)
	},
	{
		name: 'a quote of one common word',
		file: STORY,
		change: replace(
			/quote: >-\n {10}At 11:08 a\.m\. local time, the pair walked separate red carpets on the tarmac before a\n {10}warm greeting of an extended handshake and smiles\./,
			'quote: the'
		),
		says: at(
			STORY,
			'quote: the',
			'section 1 "arrival", passage 1: a quote of 1 word ("the") says too little on its own: quote at least 4 words'
		)
	},
	{
		name: 'a quote that runs across two paragraphs',
		file: STORY,
		change: replace(
			/source: 004_fdcba5b4fbaa6701\n {8}quote: >-\n {10}At 11:08 a\.m\. local time, the pair walked separate red carpets on the tarmac before a\n {10}warm greeting of an extended handshake and smiles\./,
			'source: 000_ed693602bbf98664\n        quote: >-\n          talks on the war in Ukraine, the first visit by a Russian leader to the United States in a decade. The two leaders exchanged a handshake'
		),
		says: () =>
			/section 1 "arrival", passage 1: the quote runs across paragraphs 1 and 2 of Report 1 \(000_ed693602bbf98664\): a passage quotes one paragraph; make it two passages/
	},
	...(
		[
			['a script in the text', 'smiles.', '<script>alert(1)</script>', '<script>'],
			[
				'an image that runs code, in a title',
				'A red carpet on the tarmac',
				'<img src=x onerror=alert(1)>',
				'<img src=x onerror=alert(1)>'
			],
			[
				'a closing script tag in the dek',
				'Follow the map',
				'</script><script>alert(1)</script>',
				'</script>'
			],
			[
				'a Markdown link to javascript: in the dek',
				'Follow the map',
				'[click](javascript:alert(1))',
				'[click](javascript:alert(1))'
			],
			['bold in a map description', 'edge of Anchorage', '<b>edge</b> of Anchorage', '<b>']
		] as const
	).map(([name, needle, markup, found]) => ({
		name: `markup: ${name}`,
		file: STORY,
		change: (text: string) =>
			text.replace(
				needle,
				needle === 'smiles.' || needle === 'edge of Anchorage'
					? needle === 'smiles.'
						? `smiles. ${markup}`
						: markup
					: `${markup} ${needle}`
			),
		says: () =>
			new RegExp(
				`^${re(STORY)}:\\d+: .*has markup, ${re(JSON.stringify(found))}, which readers would see as it is`
			)
	})),
	{
		name: 'a colon in unquoted text',
		file: STORY,
		change: replace('title: A red carpet on the tarmac', 'title: Arrival: a red carpet'),
		says: at(
			STORY,
			'title: Arrival',
			'the text has a colon followed by a space, which YAML reads as a new field: put the text in quotes, e.g. title: "Arrival: a red carpet"'
		)
	},
	{
		name: 'an unclosed bracket',
		file: STORY,
		change: replace(
			'subject: [kyiv, line-of-contact, crimea]',
			'subject: [kyiv, line-of-contact, crimea'
		),
		says: at(
			STORY,
			'subject: [kyiv, line-of-contact, crimea',
			'this "[" is never closed: end the list with "]" on the same line'
		)
	},
	{
		name: 'an emptied story file',
		file: STORY,
		change: () => '',
		says: () => `${STORY}:1: the file is empty: give its fields (title, dek, views, sections)`
	},
	{
		name: 'a language with no messages',
		file: STORY,
		change: replace('language: en-GB', 'language: fr'),
		says: (text) =>
			new RegExp(
				`^${re(STORY)}:${lineOf(text, 'language: fr')}: language "fr": no messages for the language "fr"`
			)
	},
	{
		name: 'a language that is not a language tag',
		file: STORY,
		change: replace('language: en-GB', 'language: English'),
		says: (text) =>
			new RegExp(
				`^${re(STORY)}:${lineOf(text, 'language: English')}: language "English" is not a language tag`
			)
	},
	{
		name: 'markup in the byline',
		file: STORY,
		change: replace('byline: The story-map team', 'byline: <b>The story-map team</b>'),
		says: (text) => new RegExp(`^${re(STORY)}:${lineOf(text, 'byline:')}: byline has markup, "<b>"`)
	},
	{
		name: 'a view whose subject is not on its map',
		file: STORY,
		change: replace(
			'subject: [kyiv, line-of-contact, crimea]',
			'subject: [kyiv, line-of-contact, crimea, paed-runway-06-24]'
		),
		says: (text) =>
			new RegExp(
				`^${re(STORY)}:${lineOf(text, 'crimea, paed-runway-06-24]')}: view ".*": subject "paed-runway-06-24" is not a feature of any of this view's layers`
			)
	},
	{
		name: 'an area the geodata does not measure',
		file: STORY,
		change: replace('Follow the map', 'Russia holds {area:donbas}. Follow the map'),
		says: () => new RegExp(`^${re(STORY)}:\\d+: dek: unknown area "donbas"`)
	},
	{
		name: 'an emptied report',
		file: REPORT_1,
		change: () => '\n',
		says: () =>
			`${REPORT_1}:1: the report is empty (no line with a letter or a digit): restore its text`
	},
	{
		name: 'markup in a report’s label',
		file: 'content/sources.yaml',
		change: replace('label: Report 1', 'label: <i>Report 1</i>'),
		says: at(
			'content/sources.yaml',
			'<i>Report 1',
			'000_ed693602bbf98664: label has markup, "<i>", which readers would see as it is: the text is plain, so write it out without (emphasis in words, a link as a citation)'
		)
	},
	{
		name: 'a common word as a place’s name',
		file: MENTIONS,
		change: replace('names: [Kyiv, Kiev]', 'names: [Kyiv, Kiev, the]'),
		says: at(
			MENTIONS,
			'Kiev, the]',
			'kyiv: the name "the" is a common word, and would find this place in every paragraph: give a name the reports use for it alone'
		)
	},
	{
		name: 'a name found in most paragraphs of a report',
		file: MENTIONS,
		change: replace('names: [Kyiv, Kiev]', 'names: [Kyiv, Kiev, Trump]'),
		says: (text) =>
			new RegExp(
				`^${re(MENTIONS)}:${lineOf(text, 'Trump]')}: kyiv: the name "Trump" is in \\d+ of the \\d+ paragraphs of Report \\d: too common to mean this place`
			)
	},
	{
		name: 'a place’s names removed',
		file: MENTIONS,
		change: replace('kyiv:\n  names: [Kyiv, Kiev]', 'kyiv:'),
		says: at(MENTIONS, 'kyiv:', 'kyiv is empty: give its fields (names)')
	}
];

describe('mistakes in the story’s files are refused, with the line and what to do', () => {
	it.each(storyMistakes.map((m) => [m.name, m] as const))('%s', (_, mistake) => {
		const root = copy(['content', 'static/data']);
		const text = edit(root, mistake.file, mistake.change);
		const problems = contentProblems(root);
		const says = mistake.says(text);
		// (Among the problems: a report changed re-points several citations, each named.)
		expect(problems, problems.join('\n')).toContainEqual(
			typeof says === 'string' ? says : expect.stringMatching(says)
		);
	});
});

interface GeodataMistake {
	name: string;
	file: string;
	change: (text: string) => string;
	says: RegExp;
}

const GEO = 'geodata';
const geodataMistakes: GeodataMistake[] = [
	{
		name: 'a distance from a place to itself',
		file: 'distances.json',
		change: replace('"to": { "point": "anchorage" } }', '"to": { "point": "jber-airfield" } }'),
		says: /geodata\/distances\.json: distance jber-downtown: "from" and "to" are the same place \("jber-airfield"\): a distance is between two different places/
	},
	{
		name: 'a layer over its budget',
		file: 'budget.json',
		change: () => '{\n\t"layer": 4000\n}\n',
		says: /geodata\/claimed-regions\.geojson: the layer makes 14 KiB of data for readers to download, over the budget of 4 KiB a layer \(geodata\/budget\.json:2\): simplify its shapes/
	},
	{
		name: 'all the data over its budget',
		file: 'budget.json',
		change: () => '{\n\t"total": 300000\n}\n',
		says: /geodata: the map's data comes to 512 KiB, over the budget of 293 KiB in all \(geodata\/budget\.json:2\)/
	},
	{
		name: 'markup in a feature’s name',
		file: 'places.geojson',
		change: replace('"name": "Anchorage"', '"name": "<b>Anchorage</b>"'),
		says: /geodata\/places\.geojson: feature anchorage: properties\.name has markup, "<b>"/
	},
	{
		name: 'markup in a distance’s label',
		file: 'distances.json',
		change: replace(
			'"label": "Anchorage to Kyiv, great circle"',
			'"label": "Anchorage to <script>Kyiv</script>"'
		),
		says: /geodata\/distances\.json: distance anchorage-kyiv: "label" has markup, "<script>"/
	},
	{
		name: 'a number too large to be a number',
		file: 'places.geojson',
		change: (text) => text.replace(/("coordinates": \[)-149\.\d+/, '$11e999'),
		says: /geodata\/places\.geojson: feature anchorage: .*invalid position \[a number too large,61\.\d+\]: a position is \[longitude, latitude\] in degrees/
	},
	{
		name: 'a detail that expects a place on land it does not hold',
		file: 'basemap.json',
		change: replace('"in": "United States of America"', '"in": "Russia"'),
		says: /^geodata\/basemap\.json: detail detail-\w+: "expect" puts "[\w-]+" \(at \[.*\]\) in Russia, but the detail's land there is United States of America; check the place's coordinates/m
	}
];

describe('mistakes in the geodata are refused, naming the file and the feature', () => {
	it.each(geodataMistakes.map((m) => [m.name, m] as const))(
		'%s',
		(_, mistake) => {
			const root = copy([GEO]);
			const file = path.join(root, GEO, mistake.file);
			writeFileSync(file, '', { flag: 'a' }); // (budget.json may not exist yet)
			edit(root, path.join(GEO, mistake.file), mistake.change);
			const run = spawnSync(
				process.execPath,
				['geodata/build.js', '--src', path.join(root, GEO), '--out', path.join(root, 'out')],
				{ encoding: 'utf8' }
			);
			expect(run.status, run.stdout + run.stderr).toBe(1);
			expect(run.stderr.replaceAll(`${root}/`, '')).toMatch(mistake.says);
		},
		120_000
	);

	it('small islands the basemap drops: names the places it would put in the sea, and the detail to add', () => {
		const run = spawnSync(
			process.execPath,
			[
				'geodata/build.js',
				'--src',
				'tests/fixtures/geodata/island-at-sea',
				'--out',
				path.join(copy([]), 'out')
			],
			{ encoding: 'utf8' }
		);
		expect(run.status, run.stdout + run.stderr).toBe(1);
		expect(run.stderr).toMatch(
			/island-at-sea\/basemap\.json: the basemap \(Natural Earth 1:50m, simplified, without small islands\) would draw mgarr \(.*places\.geojson\) in the sea: add a detail to "details" there, which draws the land of its box at 1:10m, e.g. \{"id":"detail-malta","title":"Malta","bbox":\[14,35\.8,14\.6,36\.2\],"expect":\[\{"feature":"mgarr","in":"Malta"\}\]\}/
		);
	}, 120_000);
});

describe('npm run pin', () => {
	it('pins every cited paragraph as the reports read now: this story’s pins, byte for byte', () => {
		const root = copy(['content']);
		rmSync(path.join(root, 'content/pins.json'));
		const run = spawnSync(process.execPath, ['scripts/pin-citations.js'], {
			env: { ...process.env, STORY: root },
			encoding: 'utf8'
		});
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/^Pinned \d+ cited paragraphs in .*content\/pins\.json\.$/m);
		expect(readFileSync(path.join(root, 'content/pins.json'), 'utf8')).toBe(
			readFileSync('content/pins.json', 'utf8')
		);
	}, 120_000);
});
