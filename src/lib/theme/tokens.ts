// Every colour of the site, named for what it means, in the light and the dark theme: the only
// file in src/ that holds colour values (tests/unit/colour-literals.test.ts). The page's CSS
// custom properties (--paper, --front-line…) are generated from it (theme-css.ts); the live map,
// the stills and the key read it through the layer kinds (src/lib/map/layer-kinds.ts).
// Map labels reach 4.5:1 against their halos in both themes (tests/unit/map-contrast.test.ts).

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const token = (light: string, dark: string) => ({ light, dark });

export const TOKENS = {
	// The page
	paper: token('#fbfaf7', '#15171a'),
	ink: token('#1d1d1d', '#e9e7e2'),
	muted: token('#5b5b5b', '#aaa69d'),
	rule: token('#d9d5cc', '#3a3d42'),
	link: token('#1f4e79', '#9cc3ee'),
	focus: token('#b3261e', '#ff8a7a'),
	/** Panels, buttons and cards drawn over the page or the map. */
	surface: token('#ffffff', '#23262b'),
	/** The same, slightly see-through, over the map. */
	surfaceVeil: token('#fffffff0', '#23262bf0'),
	shadow: token('#00000040', '#000000a6'),
	/** Text on a highlight-coloured button. */
	onHighlight: token('#ffffff', '#15171a'),
	/** A highlighted place's marker in the list, washed. */
	highlightWash: token('#b3261e1f', '#ff8a7a2e'),
	/** A cited passage marked in a source page, and the one the reader came from. */
	passageMark: token('#fff6d6', '#2e2914'),
	passageMarkStrong: token('#ffe08a', '#433912'),

	// The map
	/** The map panel around the globe. */
	space: token('#e9e7e1', '#0e1013'),
	water: token('#d7e3ea', '#1d2b36'),
	land: token('#f5f2ea', '#2c2e31'),
	countryBorder: token('#9d978c', '#6d6a64'),
	/** Marks and names on the map that carry no other meaning. */
	mapInk: token('#2b2b2b', '#e6e3dc'),
	/** The basemap's country names. */
	countryName: token('#6b665d', '#aba599'),
	/** Country names the story places itself (the labels layer): darker, read at 12 px. */
	storyCountryName: token('#5c574e', '#c3beb3'),
	seaName: token('#4f7690', '#8fb2c9'),
	/** The outline drawn around every map label. */
	labelHalo: token('#ffffff', '#15171a'),
	/** The places a section's text is about. */
	highlight: token('#b3261e', '#ff8a7a'),
	/** The front line in Ukraine (an approximate line), and notes written in its colour. */
	frontLine: token('#b3261e', '#ff6b5e'),
	/** The ground one side holds, behind the front line. */
	heldGround: token('#b3261e', '#ff6b5e'),
	/** Regions claimed by a country (annexed or not): violet, apart from the red line and the
	 *  boundary blue for every kind of colour vision (tests/e2e/a11y.test.ts). */
	claimedRegion: token('#8a63c2', '#b294e6'),
	boundary: token('#1f4e79', '#8fb8e6'),
	dateLine: token('#2b2b2b', '#e6e3dc'),
	runway: token('#9a958b', '#77736b'),
	route: token('#5a3d7a', '#c9a8ee')
};

export type Token = keyof typeof TOKENS;

/** The colours of one theme, by token. */
export const palette = (theme: Theme) =>
	Object.fromEntries(Object.entries(TOKENS).map(([k, v]) => [k, v[theme]])) as Record<
		Token,
		string
	>;
