// How figures read in the story text and in the map's feature panels.
import type { Area, Distance } from '$lib/content/types';

/** An area as a reader sees it: "about 21,000 km² (7,900 sq mi)"; an approximate one to two
 *  significant figures and said to be about, an exact one to three. */
export function formatArea(a: Pick<Area, 'km2' | 'sqmi' | 'approximate'>): string {
	const round = (x: number) => {
		const step =
			10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, x))) - (a.approximate ? 1 : 2));
		return (Math.round(x / step) * step).toLocaleString('en-GB');
	};
	return `${a.approximate ? 'about ' : ''}${round(a.km2)}\u00a0km² (${round(a.sqmi)}\u00a0sq\u00a0mi)`;
}

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
