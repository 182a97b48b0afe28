// The one state of a story on a page: which section the reader is at, the map controller, the
// open feature panel, and what the URL's hash should say. Everything else is derived from it.
// Pages build one (the story page for every section, an embed for its one section), provide it
// through context, and keep two effects at the boundary: one shows the view, one writes the hash.
// The rules of reading live here as methods, so they are tested on a fake map (tests/unit).
import { createContext, untrack } from 'svelte';
import {
	mapSteps,
	type FeatureInfo,
	type LayerInfo,
	type MapStep,
	type MapView,
	type Section,
	type Story
} from '$lib/content/types';
import { MapController, type Motion } from '$lib/map/controller.svelte';
import { formatShareHash, parseShareHash } from '$lib/map/share';
import { sectionFromHash } from '$lib/scrolly/hash';
import { t } from '$lib/i18n/t';

/** How the story behaves where it is shown. */
export interface Policy {
	/** The map offers an "Explore the map" button. */
	exploreButton: boolean;
	/** The label of the button that ends exploring. */
	backLabel: string;
	/** Links open in a new tab: the page is inside someone else's. */
	externalLinks: boolean;
	/** Gestures never take the page's scroll, even while exploring. */
	alwaysCooperative: boolean;
	/** When to load the live map: once the reader engages with the page (moves the pointer,
	 *  touches, scrolls, presses a key; the still shows the view until then), or at once. */
	liveMap: 'on-engagement' | 'at-once';
}

/** The story's own page: the reader scrolls it (and its URL is the reader's: the page writes the hash). */
export const STORY_PAGE: Policy = {
	exploreButton: true,
	backLabel: t('map.backToStory'),
	externalLinks: false,
	alwaysCooperative: false,
	liveMap: 'on-engagement'
};

/** One section inside someone else's article: never its scroll (and the page never writes its URL).
 *  Its live map loads at once: the host loads the frame itself only as it nears the screen, and
 *  the reader's gestures on the host page never reach it. */
export const EMBEDDED: Policy = {
	exploreButton: false,
	backLabel: t('map.backToView'),
	externalLinks: true,
	alwaysCooperative: true,
	liveMap: 'at-once'
};

/** What the state needs of the page around it (the window, or a fake in tests). */
export interface Surroundings {
	/** The URL's hash when the page opened. */
	hash: string;
	/** How far the page is scrolled, and how tall the viewport is, in CSS px. */
	scroll(): { y: number; height: number };
	/** Fly between views, or jump (prefers-reduced-motion). */
	motion(): Motion;
}

export class StoryState {
	readonly sections: Section[];
	/** Every stop of the map, in reading order. */
	readonly steps: MapStep[];
	readonly views: Record<string, MapView>;
	/** How the page speaks of the sources. */
	readonly words: Story['sourceWords'];
	/** The site's origin, for the embed code and printed citations: SITE_ORIGIN in the built page
	 *  ('' without it), the page's own once it runs (`here`). */
	origin = $state('');
	readonly policy: Policy;
	readonly controller: MapController;
	/** The live map loads at once (an embed, a shared view), not only once the reader engages. */
	readonly liveAtOnce: boolean;
	/** Id of the section being read. */
	sectionId: string;
	/** Id of the step of that section being read (a question with its own view), or null. */
	stepId: string | null;
	readonly section: Section;
	/** What the map shows: the step being read, or the section. */
	readonly step: MapStep;
	readonly view: MapView;
	/** The next step (null after the last): its still and its view's layers are fetched ahead. */
	readonly stepAhead: MapStep | null;
	/** The view of the next step, which the live map fetches ahead (null after the last). */
	readonly viewAhead: MapView | null;
	readonly exploring: boolean;
	/** What the URL's hash says: the explored view (once it has settled), or the section read. */
	readonly hash: string | null;
	/** The section's "Map for this section" button a keyboard reader came into the map from:
	 *  Tab out of the map goes back there, not to the top of the page. */
	#mapEntry: HTMLElement | null = null;
	/** The map's region, which takes focus when a keyboard reader enters the map. */
	#mapPanel: HTMLElement | null = null;
	/** The feature whose panel is open, and the element to give focus back to when it closes. */
	panel = $state.raw<{ feature: FeatureInfo; returnFocus: HTMLElement | null } | null>(null);

	/** An attachment for the map's region: where `enterMap` puts focus. */
	readonly mapPanel = (element: HTMLElement) => {
		this.#mapPanel = element;
		return () => {
			if (this.#mapPanel === element) this.#mapPanel = null;
		};
	};

	/** A keyboard reader enters the map from `from` (a section's button), without scrolling. */
	enterMap(from: HTMLElement) {
		this.#mapEntry = from;
		this.#mapPanel?.focus({ preventScroll: true });
	}

	/** Where a keyboard reader leaving the map goes back to (and forgets it), if they came in
	 *  through a section's button. */
	leaveMap(): HTMLElement | null {
		const entry = this.#mapEntry;
		this.#mapEntry = null;
		return entry;
	}

	#around: Surroundings;
	/** Where the page was scrolled when exploring began. */
	#exploredAt = 0;

	/** @param story the sections shown (all, or an embed's one), their views and words, and the
	 *    site's origin (SITE_ORIGIN, or null) */
	constructor(
		story: Pick<Story, 'sections' | 'views' | 'sourceWords'> & { origin: string | null },
		layers: LayerInfo[],
		policy: Policy,
		around: Surroundings
	) {
		const { sections, views } = story;
		this.sections = sections;
		this.views = views;
		this.words = story.sourceWords;
		this.origin = story.origin ?? '';
		this.policy = policy;
		this.#around = around;
		this.controller = new MapController(layers, {
			alwaysCooperative: policy.alwaysCooperative,
			onActivate: (feature) => this.openPanel(feature, null),
			onExplore: () => (this.#exploredAt = around.scroll().y)
		});
		// A link to #<section> starts there; a shared #map=… link starts exploring its camera.
		this.sectionId = $state(sectionFromHash(around.hash, sections) ?? sections[0].id);
		this.stepId = $state(null);
		this.section = $derived(sections.find((s) => s.id === this.sectionId) ?? sections[0]);
		const steps = (this.steps = mapSteps(sections));
		this.step = $derived(
			steps.find((s) => s.id === this.stepId && s.section === this.section) ??
				steps.find((s) => s.section === this.section)!
		);
		this.view = $derived(views[this.step.view]);
		this.stepAhead = $derived(steps[steps.indexOf(this.step) + 1] ?? null);
		this.viewAhead = $derived(this.stepAhead ? views[this.stepAhead.view] : null);
		this.exploring = $derived(this.controller.mode === 'explore');
		this.hash = $derived(
			this.exploring
				? this.controller.settled
					? formatShareHash(this.controller.settled)
					: null
				: `#${this.sectionId}`
		);
		const shared = parseShareHash(around.hash);
		if (shared) this.controller.explore(shared);
		this.liveAtOnce = policy.liveMap === 'at-once' || !!shared;
	}

	/** Shows the step's view on the map. The page's effect runs this whenever the step or its
	 *  view changes; nothing the controller reads or writes while applying it is tracked. */
	showView() {
		const [id, view, ahead] = [this.step.id, this.view, this.viewAhead];
		untrack(() => this.controller.show(id, view, this.#around.motion(), ahead));
	}

	/**
	 * The reader's position changed: `sectionId` is the section crossing the reading line, or null
	 * between sections (the last one and its step stay), and `stepId` the step of it being read.
	 * At the very top of the page the first section is read, whatever is under the line. A change
	 * of what the map shows closes the open panel; scrolled more than a quarter of the screen from
	 * where exploring began, it also ends exploring (a layout shift that moves another section
	 * under the line, without a scroll, leaves the reader's view alone).
	 */
	read(sectionId: string | null, stepId: string | null = null) {
		const { y, height } = this.#around.scroll();
		const top = y <= 0;
		const next = top ? this.sections[0].id : (sectionId ?? this.sectionId);
		const step = top ? null : sectionId ? stepId : this.stepId;
		if (next === this.sectionId && step === this.stepId) return;
		if (!this.sections.some((s) => s.id === next)) return;
		this.sectionId = next;
		this.stepId = step;
		this.panel = null;
		if (this.exploring && Math.abs(y - this.#exploredAt) > height / 4) {
			// Back to the new section's view in one move (the page's effect then finds it applied).
			this.showView();
			this.returnToStory();
		}
	}

	/** The browser went Back or Forward to `hash`: its section (or the first) is read, until the
	 *  reading line says otherwise. A shared-view hash leaves the state as it is. */
	navigated(hash: string) {
		if (parseShareHash(hash)) return;
		this.read(sectionFromHash(hash, this.sections) ?? this.sections[0].id);
	}

	explore() {
		this.controller.explore();
	}

	returnToStory() {
		this.controller.returnToStory(this.#around.motion());
	}

	openPanel(feature: FeatureInfo, returnFocus: HTMLElement | null) {
		this.panel = { feature, returnFocus };
	}

	closePanel() {
		this.panel?.returnFocus?.focus();
		this.panel = null;
	}
}

export const [getStoryState, setStoryState] = createContext<StoryState>();
