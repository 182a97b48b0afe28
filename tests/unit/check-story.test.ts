// The story checker: the valid fixture parses; each bad fixture fails with the file, the line
// and the reason an editor needs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapSteps, type LayerInfo } from '$lib/content/types';
import { checkStory } from '$lib/server/check-story';
import { readSourceMeta } from '$lib/server/corpus';
import { readText } from '$lib/server/read-text';
import { formatArea, formatDistance } from '$lib/server/format';
import { readSources } from '$lib/server/corpus';
import { storyPaths } from '$lib/server/story-paths.js';
import { ContentError } from '$lib/server/yaml-reader';
import { readMessages } from '$lib/i18n/read-messages.js';
import { translator } from '$lib/i18n/translate.js';

const english = translator('en', readMessages('en').messages!);
const german = translator('de', readMessages('de').messages!);

const layers: LayerInfo[] = [
	{
		id: 'places',
		title: 'Places',
		kind: 'points',
		file: '/data/places.topo.json',
		source: 'test',
		licence: 'test',
		features: [{ id: 'anchorage', name: 'Anchorage', source: 'test', accuracy: 'test' }]
	}
];
const distances = [
	{
		id: 'gap',
		label: 'A gap',
		km: 3.87,
		mi: 2.4,
		method: 'test',
		from: { point: 'a' },
		to: { point: 'b' }
	}
];
const sources = readSourceMeta(
	readFileSync('content/sources.yaml', 'utf8'),
	'content/sources.yaml',
	readSources(storyPaths('.').sources)
);
const areas = [
	{
		id: 'ground',
		label: 'Some ground',
		km2: 20585,
		sqmi: 7948,
		approximate: true,
		method: 'test',
		of: ['a'],
		minus: []
	}
];
const context = { sources, layers, distances, areas };

function check(name: string) {
	const file = `tests/fixtures/story/${name}`;
	return checkStory(readFileSync(file, 'utf8'), file, context);
}

function problemsIn(run: () => unknown, name: string) {
	try {
		run();
	} catch (error) {
		if (error instanceof ContentError) return error.problems;
		throw error;
	}
	throw new Error(`${name} was accepted`);
}
const problemsOf = (name: string) => problemsIn(() => check(name), name);

describe('checkStory', () => {
	it('parses a valid story, finding the paragraph of each quote', () => {
		const story = check('valid.yaml');
		expect(story.sections[0].body).toEqual([['One paragraph.'], ['Another paragraph.']]);
		expect(story.sections[0].passages[0]).toEqual({
			source: '000_ed693602bbf98664',
			paragraph: 2,
			quote: 'The two leaders exchanged a handshake on a red carpet beside their aircraft'
		});
		expect(story.views.city.camera).toEqual({
			center: [-149.9, 61.2],
			zoom: 10,
			bearing: 0,
			pitch: 0
		});
	});

	it('gives a question with a view its own step of the map, after its section', () => {
		const story = check('question-view.yaml');
		expect(
			mapSteps(story.sections).map(({ id, title, view, mapDescription }) => ({
				id,
				title,
				view,
				mapDescription
			}))
		).toEqual([
			{ id: 'first', title: 'First', view: 'city', mapDescription: 'Anchorage.' },
			{
				id: 'differ-carpet',
				title: 'One red carpet, or two?',
				view: 'city',
				mapDescription: 'The airfield.'
			}
		]);
	});

	const first = 'section 1 "first"';
	const cases: [fixture: string, line: number, reason: RegExp][] = [
		[
			'misquote.yaml',
			20,
			/^section 1 "first", passage 1: quote not found verbatim in Report 1 \(000_ed693602bbf98664\)[\s\S]*closest text in the report: "The two leaders exchanged a handshake on a red carpet beside their aircraft"\n {2}first difference at character 17: "s" \(U\+0073\) in the quote, "e" \(U\+0065\) in the report: "The two leaders \[s\]hook/
		],
		[
			'straight-apostrophe.yaml',
			20,
			/closest text in the report: "Trump and Russia’s Vladimir Putin"\n {2}first difference at character 17: "'" \(U\+0027\) in the quote, "’" \(U\+2019\) in the report: "Trump and Russia\['\]s Vladimir Putin"/
		],
		[
			'wrong-report.yaml',
			20,
			/quote not found in Report 1 \(000_ed693602bbf98664\), but it is, verbatim, in Report 3 \(002_5cdbfa6f814fa3b3\), paragraph 2: set source to 002_5cdbfa6f814fa3b3/
		],
		['unknown-view.yaml', 12, /^section 1 "first": unknown view "town" \(known: city\)/],
		['fourth-section.yaml', 51, /^section 4 "fourth": unknown view "town" \(known: city\)/],
		['unknown-layer.yaml', 7, /^view "city": unknown layer "roads"/],
		[
			'question-unknown-view.yaml',
			27,
			/^disagreement "carpet": unknown view "tarmac" \(known: city\)/
		],
		[
			'question-undescribed.yaml',
			27,
			/^disagreement "carpet" has a view but no mapDescription: describe its map in words/
		],
		[
			'question-shown-twice.yaml',
			29,
			/^section 2 "second": disagreement "carpet" is already shown in section "first": show each once/
		],
		['missing-field.yaml', 10, new RegExp(`^${first}: missing field "mapDescription"`)],
		['unknown-source.yaml', 19, /^section 1 "first", passage 1: unknown source "009_nope"/],
		['duplicate-id.yaml', 23, /section id "first" is used twice/],
		['unknown-field.yaml', 12, /unknown field "subtitle"/],
		['swapped-center.yaml', 5, /^view "city": center must be \[longitude, latitude\]/],
		[
			'bad-yaml.yaml',
			11,
			/^the text has a colon followed by a space, which YAML reads as a new field: put the text in quotes, e\.g\. title: "First: the sequel"$/
		],
		[
			'subject-hidden.yaml',
			8,
			/^view "city": subject "kyiv-nowhere" is not a feature of any of this view's layers/
		],
		[
			'highlight-hidden.yaml',
			8,
			/highlighted feature "kyiv-nowhere" is not in any of this view's layers/
		],
		[
			'unknown-distance.yaml',
			15,
			/^section 1 "first", text: unknown distance "nowhere" in \{distance:nowhere\} \(known: gap\)/
		],
		[
			'unknown-area.yaml',
			15,
			/^section 1 "first", text: unknown area "nowhere" in \{area:nowhere\} \(known: ground\)/
		],
		['wrong-paragraph.yaml', 20, /quote is in paragraph 2 of 000_ed693602bbf98664, not 5/],
		[
			'unclosed-placeholder.yaml',
			16,
			/^section 1 "first", text: placeholder "\{distance:gap" is not closed: end it with "\}", e\.g\. \{distance:gap\}/
		],
		[
			'capital-placeholder.yaml',
			16,
			/^section 1 "first", text: \{Distance:gap\}: write "distance" in lower case, e\.g\. \{distance:gap\}/
		],
		[
			'unknown-placeholder.yaml',
			11,
			/^section 1 "first", title: unknown placeholder \{section:title\}: the placeholders are \{distance:<id>\}, \{area:<id>\} and \{cite:<report>#p<n>\}/
		],
		[
			'cite-in-title.yaml',
			11,
			/^section 1 "first", title: \{cite:000#p2\}: a citation cannot be shown here \(plain text\); cite in the section's text instead/
		],
		[
			'cite-unknown-report.yaml',
			16,
			/^section 1 "first", text: \{cite:009#p2\}: unknown report "009" \(known: 000 = Report 1, 001 = Report 2/
		],
		[
			'cite-no-paragraph.yaml',
			16,
			/^section 1 "first", text: \{cite:000#p40\}: Report 1 \(000_ed693602bbf98664\) has paragraphs 1 to 10, not 40/
		],
		[
			'cite-malformed.yaml',
			16,
			/^section 1 "first", text: \{cite:000 paragraph 2\}: write a citation as \{cite:<report>#p<paragraph>\}, e\.g\. \{cite:004#p5\}/
		]
	];
	it.each(cases)('%s fails at line %i with the reason', (fixture, line, reason) => {
		const problems = problemsOf(fixture);
		expect(problems).toHaveLength(1);
		expect(problems[0].file).toBe(`tests/fixtures/story/${fixture}`);
		expect(problems[0].message).toMatch(reason);
		expect(problems[0].line).toBe(line);
	});

	it('fills {distance:<id>} in text with the computed figure', () => {
		const text = readFileSync('tests/fixtures/story/valid.yaml', 'utf8').replace(
			'One paragraph.',
			'A gap of {distance:gap}.'
		);
		expect(checkStory(text, 'x.yaml', context).sections[0].body[0]).toEqual([
			'A gap of 3.9\u00a0km (2.4\u00a0mi).'
		]);
		expect(formatDistance({ km: 6992.4, mi: 4344.9 }, english)).toBe(
			'6,990\u00a0km (4,340\u00a0mi)'
		);
		expect(formatDistance({ km: 81.4, mi: 50.6 }, english)).toBe('81\u00a0km (51\u00a0mi)');
		// In German, as German writes numbers.
		expect(formatDistance({ km: 6992.4, mi: 4344.9 }, german)).toBe(
			'6.990\u00a0km (4.340\u00a0mi)'
		);
		expect(formatDistance({ km: 3.94, mi: 2.44 }, german)).toBe('3,9\u00a0km (2,4\u00a0mi)');
	});

	it('fills {area:<id>} in text with the computed figure, said to be about when approximate', () => {
		const text = readFileSync('tests/fixtures/story/valid.yaml', 'utf8').replace(
			'One paragraph.',
			'Still held: {area:ground}.'
		);
		expect(checkStory(text, 'x.yaml', context).sections[0].body[0]).toEqual([
			'Still held: about 21,000\u00a0km² (7,900\u00a0sq\u00a0mi).'
		]);
		expect(formatArea({ km2: 132907, sqmi: 51316, approximate: false }, english)).toBe(
			'133,000\u00a0km² (51,300\u00a0sq\u00a0mi)'
		);
		expect(formatArea({ km2: 7, sqmi: 2.7, approximate: true }, english)).toBe(
			'about 7\u00a0km² (3\u00a0sq\u00a0mi)'
		);
		expect(formatArea({ km2: 21349, sqmi: 8243, approximate: true }, german)).toBe(
			'etwa 21.000\u00a0km² (8.200\u00a0mi²)'
		);
	});

	it('keeps citations in the text, grouping those in a row, and fills distances in titles', () => {
		const text = readFileSync('tests/fixtures/story/valid.yaml', 'utf8')
			.replace(
				'One paragraph.',
				'Cited{cite:000#p2} {cite:002_5cdbfa6f814fa3b3#p3}, and{cite:004#p4}.'
			)
			.replace('title: First', 'title: A gap of {distance:gap}');
		const story = checkStory(text, 'x.yaml', context);
		expect(story.sections[0].body[0]).toEqual([
			'Cited',
			[
				{ source: '000_ed693602bbf98664', label: 'Report 1', paragraph: 2 },
				{ source: '002_5cdbfa6f814fa3b3', label: 'Report 3', paragraph: 3 }
			],
			', and',
			[{ source: '004_fdcba5b4fbaa6701', label: 'Report 5', paragraph: 4 }],
			'.'
		]);
		expect(story.sections[0].title).toBe('A gap of 3.9\u00a0km (2.4\u00a0mi)');
	});

	it('shortens a long misquote in its message', () => {
		const long = 'Putin said '.repeat(20_000);
		const text = readFileSync('tests/fixtures/story/valid.yaml', 'utf8').replace(
			'The two leaders exchanged a handshake on a red carpet',
			long
		);
		const [problem] = problemsIn(() => checkStory(text, 'x.yaml', context), 'long quote');
		expect(problem.message).toMatch(
			/quote not found verbatim in Report 1 .*: "Putin said Putin said .* … .* Putin said beside their aircraft \(220,021 characters\)"\n {2}the report has no passage as long as this quote$/
		);
		expect(problem.message.length).toBeLessThan(400);
	});

	it('refuses a file that is not UTF-8, naming the line', () => {
		const [problem] = problemsIn(() => readText('tests/fixtures/story/latin1.yaml'), 'latin1.yaml');
		expect(`${problem.file}:${problem.line}: ${problem.message}`).toMatch(
			/^tests\/fixtures\/story\/latin1\.yaml:2: the file is not UTF-8 \(byte 0xE9 on this line\): save it as UTF-8/
		);
	});

	it('formats every problem as file:line: reason', () => {
		expect(() => check('unknown-view.yaml')).toThrow(
			/^tests\/fixtures\/story\/unknown-view\.yaml:12: section 1 "first": unknown view/
		);
	});
});

describe('a content error stops the build with the message alone', () => {
	it('prints file:line: reason, no stack trace, exits 1 and writes no build', () => {
		// A copy of this story with one misquote, built as STORY (see story-paths.js).
		const root = mkdtempSync(path.join(tmpdir(), 'bad-story-'));
		try {
			for (const dir of ['content', 'static/data'])
				cpSync(dir, path.join(root, dir), { recursive: true });
			const story = path.join(root, 'content/story.yaml');
			writeFileSync(
				story,
				readFileSync(story, 'utf8').replace('At 11:08 a.m. local time', 'At 11:09 a.m. local time')
			);
			const run = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
				env: { ...process.env, STORY: root },
				encoding: 'utf8'
			});
			const output = run.stdout + run.stderr;
			expect(run.status, output).toBe(1);
			expect(output).toMatch(
				new RegExp(
					`${story.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}:\\d+: section 1 "arrival", passage 1: quote not found verbatim`
				)
			);
			expect(output).toContain('The story was not built: 1 problem in its content.');
			expect(output).not.toMatch(/^\s+at /m); // no stack trace
			expect(existsSync(path.join(root, 'build'))).toBe(false);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});

describe('updates and corrections', () => {
	const valid = readFileSync('tests/fixtures/story/valid.yaml', 'utf8');
	const withLines = (extra: string) => checkStory(`${valid}${extra}`, 'story.yaml', context);
	/** The line of `extra`'s line `n` (from 1) in the whole file. */
	const lineOfExtra = (n: number) => valid.split('\n').length - 1 + n;

	it('puts each update under its section, oldest first, with the byline and publisher', () => {
		const story = withLines(
			[
				'byline: The desk',
				'publisher: The Gazette',
				'updates:',
				'  - date: 2025-08-18',
				'    section: first',
				'    text: A correction.',
				'    correction: true',
				'  - date: 2025-08-16',
				'    section: first',
				'    text: An update.',
				''
			].join('\n')
		);
		expect(story.sections[0].updates).toEqual([
			{ date: '2025-08-16', text: 'An update.', correction: false },
			{ date: '2025-08-18', text: 'A correction.', correction: true }
		]);
		expect([story.byline, story.publisher]).toEqual(['The desk', 'The Gazette']);
	});

	it.each([
		['no date', ['  - section: first', '    text: x'], 1, /"date"|date/],
		[
			'an impossible date',
			['  - date: 2026-13-45', '    section: first', '    text: x'],
			1,
			/update 1: date must be a real date, YYYY-MM-DD \(found "2026-13-45"\)/
		],
		['30 February', ['  - date: 2025-02-30', '    section: first', '    text: x'], 1, /real date/],
		[
			'an unknown section',
			['  - date: 2025-08-16', '    section: second', '    text: x'],
			2,
			/update 1: no section "second" \(sections: first\)/
		]
	] as const)('refuses an update with %s, naming its line', (_, lines, at, reason) => {
		const problems = problemsIn(() => withLines(['updates:', ...lines, ''].join('\n')), 'update');
		expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(reason));
		const problem = problems.find((p) => reason.test(p.message))!;
		expect([problem.file, problem.line]).toEqual(['story.yaml', lineOfExtra(1 + at)]);
	});

	it('refuses an impossible publication date, and an update from before it', () => {
		const ending = [
			'ending:',
			'  title: About',
			'  published: 2025-08-17',
			'  method: How.',
			'  credits: Who.',
			'updates:',
			'  - date: 2025-08-16',
			'    section: first',
			'    text: Too early.',
			''
		];
		expect(
			problemsIn(() => withLines(ending.join('\n')), 'early').map((p) => p.message)
		).toContainEqual(
			expect.stringMatching(/2025-08-16 is before the story was published \(2025-08-17\)/)
		);
		const impossible = ending.slice(0, 5).join('\n').replace('2025-08-17', '2026-13-45');
		expect(
			problemsIn(() => withLines(`${impossible}\n`), 'impossible').map((p) => p.message)
		).toContainEqual(expect.stringMatching(/published must be a real date/));
	});
});
