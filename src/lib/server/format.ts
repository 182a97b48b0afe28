// How figures read in the story text and in the map's feature panels.
import type { Distance } from '$lib/content/types';

/** A distance as a reader sees it: "3.9 km (2.4 mi)", "82 km (51 mi)", "6,990 km (4,340 mi)",
 *  with no-break spaces so a number never ends a line without its unit. */
export function formatDistance(d: Pick<Distance, 'km' | 'mi'>): string {
	const round = (x: number) =>
		x < 10
			? x.toFixed(1)
			: x < 1000
				? Math.round(x).toString()
				: (Math.round(x / 10) * 10).toLocaleString('en-GB');
	return `${round(d.km)}\u00a0km (${round(d.mi)}\u00a0mi)`;
}
