// The rules of reading, on the story state with a fake map and a fake page around it: where a
// link starts, what the top of the page and the Back button mean, when scrolling ends exploring,
// and what the URL's hash says. (A .svelte.test.ts file: the page's effects run here too.)
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Section } from '$lib/content/types';
import { formatShareHash } from '$lib/map/share';
import { EMBEDDED, STORY_PAGE, StoryState } from '$lib/story/story-state.svelte';
import { fakeMap, feature, layers, view } from './fake-map';

const section = (id: string, viewId: string): Section => ({
	id,
	title: id,
	view: viewId,
	mapDescription: '',
	body: [],
	passages: [],
	disagreements: [],
	updates: []
});
/** The second section asks a question that moves the map back to view va. */
const question = {
	id: 'q',
	question: 'Q?',
	note: [],
	positions: [],
	view: 'va',
	mapDescription: 'A'
};
const sections = [
	section('first', 'va'),
	{ ...section('second', 'vb'), disagreements: [question] },
	section('third', 'va')
];
const views = {
	va: view('va', 10, ['places'], ['a']),
	vb: view('vb', 20, ['places', 'lines'], ['b'])
};
const sourceWords = { one: 'note', many: 'notes', all: 'the notes' };

/** A story state in a page scrolled to `page.y`, with a fake map attached. */
function open(hash = '', policy = STORY_PAGE) {
	const page = { y: 500, height: 800 };
	const story = new StoryState(
		{ sections, views, sourceWords, origin: 'https://example.org' },
		layers,
		policy,
		{ hash, scroll: () => page, motion: () => 'jump' }
	);
	const map = fakeMap();
	story.controller.attach(map, map.pin);
	story.showView();
	map.emit('idle');
	return { story, page, map };
}

describe('StoryState', () => {
	it('starts at the section a link names, else at the first; a malformed hash is no section', () => {
		expect(open('#second').story.section.id).toBe('second');
		expect(open('#second').story.controller.sectionId).toBe('second');
		for (const hash of ['', '#nope', '#%', '#%E0%A4%A'])
			expect(open(hash).story.section.id, hash).toBe('first');
	});

	it('starts exploring at a shared view', () => {
		const camera = { center: [5, 6] as [number, number], zoom: 3, bearing: 0, pitch: 0 };
		const { story, map } = open(formatShareHash(camera));
		expect(story.exploring).toBe(true);
		expect(map.calls).toContain('jump 5,6 z3');
		expect(story.hash).toBe(formatShareHash(camera));
	});

	it('settles the page’s two effects: the view follows the section, and the hash with it', () => {
		const { story, map } = open();
		const hashes: (string | null)[] = [];
		const stop = $effect.root(() => {
			$effect(() => story.showView());
			$effect(() => void hashes.push(story.hash));
		});
		flushSync();
		story.read('second');
		flushSync();
		expect(story.controller.sectionId).toBe('second');
		expect(map.calls.filter((c) => c.startsWith('jump')).at(-1)).toBe('jump 20,10 z3');
		expect(hashes).toEqual(['#first', '#second']);
		stop();
	});

	it('follows the section under the reading line, keeps it between sections, and shows its view', () => {
		const { story, map } = open();
		story.read('second');
		expect(story.section.id).toBe('second');
		expect(story.view.id).toBe('vb');
		expect(story.hash).toBe('#second');
		story.read(null);
		expect(story.section.id).toBe('second');
		story.showView();
		expect(story.controller.sectionId).toBe('second');
		expect(map.calls.at(-1)).toBe('jump 20,10 z3');
	});

	it('shows the view of the question being read, keeps it between questions, and leaves it with its section', () => {
		const { story, map } = open();
		story.read('second', 'differ-q');
		expect([story.section.id, story.step.id, story.view.id]).toEqual(['second', 'differ-q', 'va']);
		expect(story.step.mapDescription).toBe('A');
		expect(story.hash).toBe('#second');
		story.showView();
		expect(story.controller.sectionId).toBe('differ-q');
		expect(map.calls.at(-1)).toBe('jump 10,10 z3');
		story.read(null, null);
		expect(story.step.id).toBe('differ-q');
		story.read('second', null); // back above the question, in its section's own text
		expect([story.step.id, story.view.id]).toEqual(['second', 'vb']);
		story.read('second', 'differ-q');
		story.read('third', null);
		expect([story.step.id, story.view.id]).toEqual(['third', 'va']);
		story.read('first', 'differ-q'); // a step of another section is not this section's
		expect(story.step.id).toBe('first');
	});

	it('reads the first section at the very top of the page, whatever is under the line', () => {
		const { story, page } = open('#third');
		page.y = 0;
		story.read(null);
		expect(story.section.id).toBe('first');
		story.read('third');
		expect(story.section.id).toBe('first');
	});

	it('goes back to the section the URL names when the reader presses Back', () => {
		const { story } = open();
		story.read('third');
		story.navigated('');
		expect(story.section.id).toBe('first');
		story.navigated('#second');
		expect(story.section.id).toBe('second');
		story.navigated('#map=3.00/6.0000/5.0000/0.0/0.0'); // a shared view: nothing to restore
		expect(story.section.id).toBe('second');
	});

	it('ends exploring when Back takes the reader from a late section to the top', () => {
		const { story, page } = open('#third');
		page.y = 3000;
		story.explore();
		page.y = 0; // the browser restores the top of the page
		story.navigated('');
		expect(story.exploring).toBe(false);
		expect(story.section.id).toBe('first');
	});

	it('ends exploring once the reader has scrolled a quarter screen away and reached another section', () => {
		const { story, page } = open('#second');
		story.explore();
		expect(story.exploring).toBe(true);
		page.y += 150; // less than a quarter of 800
		story.read('third');
		expect(story.exploring).toBe(true);
		page.y += 100;
		story.read('first');
		expect(story.exploring).toBe(false);
		expect(story.section.id).toBe('first');
	});

	it('goes from exploring to the new section’s view in one move, which the page’s effect then leaves alone', () => {
		const { story, page, map } = open('#second');
		story.explore();
		map.calls.length = 0;
		page.y += 300;
		story.read('first');
		story.showView(); // what the page's effect does next
		expect(map.calls.filter((c) => c.startsWith('jump') || c.startsWith('fly'))).toEqual([
			'jump 10,10 z3'
		]);
	});

	it('keeps exploring when a layout shift, not a scroll, moves another section under the line', () => {
		const { story } = open('#second');
		story.explore();
		story.read('third');
		expect(story.exploring).toBe(true);
		expect(story.section.id).toBe('third');
	});

	it('puts the explored view in the hash once it has settled, and the section again after', () => {
		const { story, map } = open('#second');
		story.explore();
		map.emit('movestart', { originalEvent: {} });
		expect(story.hash).toBe(formatShareHash(story.controller.settled!)); // the camera before the gesture
		map.jumpTo({ center: [7, 8], zoom: 5, bearing: 0, pitch: 0 });
		expect(story.hash).toBe('#map=5.00/8.0000/7.0000/0.0/0.0');
		story.returnToStory();
		expect(story.hash).toBe('#second');
	});

	it('closes the open panel when the section changes, giving focus back where it was', () => {
		const { story } = open();
		const focused: string[] = [];
		story.openPanel(feature('a', [1, 2]), {
			focus: () => void focused.push('marker a')
		} as HTMLElement);
		expect(story.panel?.feature.id).toBe('a');
		story.closePanel();
		expect(focused).toEqual(['marker a']);
		story.openPanel(feature('b', [3, 4]), null);
		story.read('second');
		expect(story.panel).toBeNull();
	});

	it('opens the panel of a feature clicked on the map', () => {
		const { story, map } = open();
		map.emit('click', { point: { x: 100, y: 50 } });
		expect(story.panel?.feature.id).toBe('a');
	});

	it('embedded: no explore button, links in a new tab, and the map never takes the page’s scroll', () => {
		const { story, map } = open('', EMBEDDED);
		expect(story.policy.exploreButton).toBe(false);
		expect(story.policy.externalLinks).toBe(true);
		story.explore();
		expect(map.calls).not.toContain('cooperative off');
	});
});
