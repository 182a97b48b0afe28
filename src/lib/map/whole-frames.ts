// Where WebGL is drawn in software, views change by cuts (controller.svelte.ts), and every frame
// MapLibre draws costs (out of sight during a cut, its JavaScript and the GPU's time, which the
// map waits for before it shows). After a cut it draws one frame per batch of tiles that arrives,
// 4 or 5 frames before the view is whole. Here the frame that the cut asks for is drawn (it asks
// for the new view's tiles), then no other until every tile has come (or HOLD_MS has passed), and
// the view is drawn whole at once: about a fifth less main-thread time over the story. MapLibre
// asks for every frame through its public `triggerRepaint`, which this wraps. A gesture of the
// reader's draws at once.

/** The part of MapLibre's Map used here. */
export interface Repainted {
	triggerRepaint(): void;
	areTilesLoaded(): boolean;
	isMoving(): boolean;
	on(type: 'moveend' | 'movestart' | 'sourcedata', listener: () => void): unknown;
	once(type: 'render', listener: () => void): unknown;
}

/** The longest a cut's view waits for its tiles before the map draws what it has. */
export const HOLD_MS = 2000;

export function drawCutsWhole(map: Repainted) {
	const repaint = map.triggerRepaint.bind(map);
	let held: ReturnType<typeof setTimeout> | null = null;
	let asked = false;
	const release = () => {
		if (held === null) return;
		clearTimeout(held);
		held = null;
		if (asked) repaint();
		asked = false;
	};
	map.triggerRepaint = () => (held === null ? repaint() : void (asked = true));
	map.on('moveend', () => {
		if (map.isMoving()) return;
		if (held !== null) clearTimeout(held);
		held = setTimeout(release, HOLD_MS);
		// The frame already asked for by the cut asks for the tiles: they may all be there.
		map.once('render', () => map.areTilesLoaded() && release());
	});
	map.on('sourcedata', () => held !== null && map.areTilesLoaded() && release());
	map.on('movestart', release);
}
