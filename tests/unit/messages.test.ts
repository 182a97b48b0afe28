// The interface's messages (src/lib/i18n): every language names every key of the English file,
// with the plural forms its language needs and no placeholder the code never fills; plurals,
// numbers and dates follow the language; a mistake in a messages file names the file, the line
// and the key.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { languages, readMessages } from '$lib/i18n/read-messages.js';
import { translator, type MessageKey, type Messages } from '$lib/i18n/translate.js';
import { checkStory } from '$lib/server/check-story';

const read = (language: string) => translator(language, readMessages(language).messages!);
const en = read('en');
const de = read('de');
const english: Messages = JSON.parse(readFileSync('src/lib/i18n/en.json', 'utf8'));

describe('the messages files', () => {
	it.each(languages())('%s.json has every key, its plurals and placeholders', (language) => {
		expect(readMessages(language).problems).toEqual([]);
	});

	it('German translates every message but those that are names, units or punctuation', () => {
		const german: Messages = JSON.parse(readFileSync('src/lib/i18n/de.json', 'utf8'));
		const same = Object.keys(english).filter(
			(key) => JSON.stringify(english[key]) === JSON.stringify(german[key])
		);
		expect(same).toEqual([
			'page.escKey',
			'legend.credit',
			'legend.creditNote',
			'embed.layerCredit',
			'embed.basemapCredit',
			'figures.distance',
			'figures.listed',
			'routes.name',
			'routes.label',
			'maplibre.ScaleControl.Meters',
			'maplibre.ScaleControl.Kilometers'
		]);
	});
});

describe('plurals, for 0, 1 and 2 of each thing counted', () => {
	const words = { one: 'Bericht', many: 'Berichte', name: 'Kyjiw', shown: 1 };
	const cases: [string, number, string, string][] = [
		['ending.reports', 0, 'The 0 Berichte', 'Die 0 Berichte'],
		['ending.reports', 1, 'The 1 Bericht', '1 Bericht'],
		['ending.reports', 2, 'The 2 Berichte', 'Die 2 Berichte'],
		['panel.mentions', 0, '0 passages mention it.', '0 Textstellen nennen den Ort.'],
		['panel.mentions', 1, '1 passage mentions it.', '1 Textstelle nennt den Ort.'],
		['panel.mentions', 2, '2 passages mention it.', '2 Textstellen nennen den Ort.'],
		['map.marker', 0, 'Kyjiw: 0 passages in the Berichte', 'Kyjiw: 0 Textstellen in: Berichte'],
		['map.marker', 1, 'Kyjiw: 1 passage in the Berichte', 'Kyjiw: 1 Textstelle in: Berichte'],
		['map.marker', 2, 'Kyjiw: 2 passages in the Berichte', 'Kyjiw: 2 Textstellen in: Berichte'],
		['embed.passages', 0, '0 passages from the Berichte', '0 Textstellen aus: Berichte'],
		['embed.passages', 1, '1 passage from the Berichte', '1 Textstelle aus: Berichte'],
		['embed.passages', 2, '2 passages from the Berichte', '2 Textstellen aus: Berichte'],
		[
			'source.showing',
			1,
			'Showing 1 of 1 paragraph: those that mention Kyjiw.',
			'1 von 1 Absatz: der, der Kyjiw nennt.'
		],
		[
			'source.showing',
			2,
			'Showing 1 of 2 paragraphs: those that mention Kyjiw.',
			'1 von 2 Absätzen: die, die Kyjiw nennen.'
		],
		[
			'source.showingAll',
			0,
			'Showing all 0 paragraphs. Choose a place to see only the paragraphs that mention it.',
			'Alle 0 Absätze werden gezeigt. Wählen Sie einen Ort, um nur die Absätze zu sehen, die ihn nennen.'
		],
		[
			'source.showingAll',
			1,
			'Showing the 1 paragraph. Choose a place to see only the paragraphs that mention it.',
			'Der 1 Absatz wird gezeigt. Wählen Sie einen Ort, um nur die Absätze zu sehen, die ihn nennen.'
		],
		[
			'source.showingAll',
			2,
			'Showing all 2 paragraphs. Choose a place to see only the paragraphs that mention it.',
			'Alle 2 Absätze werden gezeigt. Wählen Sie einen Ort, um nur die Absätze zu sehen, die ihn nennen.'
		]
	];
	it.each(cases)('%s, %i', (key, count, inEnglish, inGerman) => {
		const params = { ...words, count };
		expect(en.t(key as MessageKey, params)).toBe(inEnglish);
		expect(de.t(key as MessageKey, params)).toBe(inGerman);
	});

	it('covers every plural message', () => {
		const plural = Object.keys(english).filter((k) => typeof english[k] !== 'string');
		expect([...new Set(cases.map(([key]) => key))].sort()).toEqual(plural.sort());
	});
});

describe('numbers and dates', () => {
	it('are written the language’s way', () => {
		expect(en.t('nav.position', { n: 1, total: 12345 })).toBe('Section 1 of 12,345');
		expect(de.t('nav.position', { n: 1, total: 12345 })).toBe('Abschnitt 1 von 12.345');
		expect(read('en-GB').date('2025-08-16')).toBe('16 August 2025');
		expect(en.date('2025-08-16')).toBe('August 16, 2025');
		expect(de.date('2025-08-16')).toBe('16. August 2025');
	});

	it('cut a message at its markup: parts()', () => {
		expect(de.parts('section.updated')).toEqual(['Aktualisiert am ', { slot: 'date' }, ':']);
		expect(en.parts('page.oembedTitle', { title: 'Arrival' })).toEqual(['Embed: Arrival']);
	});
});

describe('a mistake in a messages file', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'messages-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const write = (language: string, messages: Messages | string) =>
		writeFileSync(
			path.join(dir, `${language}.json`),
			typeof messages === 'string' ? messages : JSON.stringify(messages, null, '\t')
		);
	write('en', english);

	it('names the key missing, and the file', () => {
		const german = JSON.parse(readFileSync('src/lib/i18n/de.json', 'utf8'));
		delete german['nav.share'];
		write('de', german);
		expect(readMessages('de', dir)).toEqual({
			messages: null,
			problems: [
				{
					file: path.join(dir, 'de.json'),
					line: 1,
					message:
						'"nav.share" is missing: add it, translating the English "Copy a link to this view"'
				}
			]
		});
	});

	it('names, with its line, a key unknown, a plural form lacking, a placeholder never filled', () => {
		write('ru', {
			...english,
			'nav.shared': 'Ссылка скопирована {url}',
			'panel.mentions': { one: '{count} отрывок', other: '{count} отрывка' },
			'nav.sharde': 'typo'
		});
		const lines = readFileSync(path.join(dir, 'ru.json'), 'utf8').split('\n');
		const lineOf = (key: string) => lines.findIndex((l) => l.includes(`"${key}":`)) + 1;
		const file = path.join(dir, 'ru.json');
		expect(readMessages('ru', dir).problems).toEqual(
			expect.arrayContaining([
				{
					file,
					line: lineOf('nav.shared'),
					message: '"nav.shared": {url} is never filled in; the message is given nothing'
				},
				{
					file,
					line: lineOf('panel.mentions'),
					message: '"panel.mentions": lacks the plural forms few, many'
				},
				{
					file,
					line: lineOf('nav.sharde'),
					message: '"nav.sharde": is not a message of en.json: remove it, or check its spelling'
				}
			])
		);
	});

	it('names the line of a file that is not JSON', () => {
		write('fr', '{\n\t"page.skip": "Aller au récit",\n\t"page.contents" "Sommaire"\n}');
		const { problems } = readMessages('fr', dir);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: path.join(dir, 'fr.json'), line: 3 });
	});

	it('takes a regional language’s messages from its language (pt-BR from pt.json)', () => {
		write('pt', english);
		expect(readMessages('pt-BR', dir).problems).toEqual([]);
	});
});

describe('the story’s language', () => {
	const valid = readFileSync('tests/fixtures/story/valid.yaml', 'utf8');
	const context = { sources: [], layers: [], distances: [], areas: [] };
	const problems = (language: string) => {
		try {
			checkStory(`language: ${language}\n${valid}`, 'story.yaml', context);
			return [];
		} catch (e) {
			return (e as { problems: { line: number; message: string }[] }).problems.filter((p) =>
				p.message.includes('language')
			);
		}
	};

	it('must be a language tag, with a messages file', () => {
		expect(problems('German')).toEqual([
			expect.objectContaining({
				line: 1,
				message: expect.stringMatching(
					/^language "German" is not a language tag: write it as en, de or pt-BR/
				)
			})
		]);
		expect(problems('fr')).toEqual([
			expect.objectContaining({
				line: 1,
				message: expect.stringMatching(
					/^language "fr": no messages for the language "fr" \(there are: de, en\); copy src\/lib\/i18n\/en.json to src\/lib\/i18n\/fr.json and translate it$/
				)
			})
		]);
	});
});
