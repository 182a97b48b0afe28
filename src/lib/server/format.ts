// How figures read in the story text and in the map's feature panels, in the story's language.
import type { Area, Distance } from '$lib/content/types';
import type { Translator } from '$lib/i18n/translate.js';

/** An area as a reader sees it: "about 21,000 km² (7,900 sq mi)"; an approximate one to two
 *  significant figures and said to be about, an exact one to three. */
export function formatArea(
	a: Pick<Area, 'km2' | 'sqmi' | 'approximate'>,
	{ t, number }: Translator
): string {
	const round = (x: number) => {
		const step =
			10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, x))) - (a.approximate ? 1 : 2));
		return number(Math.round(x / step) * step);
	};
	const figure = t('figures.area', { km2: round(a.km2), sqmi: round(a.sqmi) });
	return a.approximate ? t('figures.about', { figure }) : figure;
}

/** A distance as a reader sees it: "3.9 km (2.4 mi)", "82 km (51 mi)", "6,990 km (4,340 mi)"
 *  (German: "3,9 km", "6.990 km"), with no-break spaces so a number never ends a line without
 *  its unit (the messages' spaces are no-break ones). */
export function formatDistance(d: Pick<Distance, 'km' | 'mi'>, { t, number }: Translator): string {
	const round = (x: number) =>
		x < 10
			? number(x, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
			: x < 1000
				? number(Math.round(x))
				: number(Math.round(x / 10) * 10);
	return t('figures.distance', { km: round(d.km), mi: round(d.mi) });
}
