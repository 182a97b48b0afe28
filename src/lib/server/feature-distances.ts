// The distances a feature's panel lists: those computed for it by the geodata build, and a point's
// great circle from the story's `measureFrom` point (the venue, say). Worked out at build time, so
// the page carries sentences, not geometry code.
import { distance } from '@turf/distance';
import { KM_PER_MI } from '../data-contract.js';
import type { Distance, FeatureInfo } from '$lib/content/types';
import type { Translator } from '$lib/i18n/translate.js';
import { formatDistance } from './format.ts';

export function distancesOf(
	feature: FeatureInfo,
	distances: Distance[],
	i18n: Translator,
	measureFrom?: FeatureInfo
): string[] {
	const ends = (d: Distance) => [d.from, d.to].flatMap((end) => Object.values(end));
	const listed = distances
		.filter((d) => ends(d).includes(feature.id))
		.map((d) => i18n.t('figures.listed', { label: d.label, distance: formatDistance(d, i18n) }));
	if (!measureFrom?.point || !feature.point || feature.id === measureFrom.id) return listed;
	const km = distance(measureFrom.point, feature.point, { units: 'kilometers' });
	return [
		...listed,
		i18n.t('figures.greatCircleFrom', {
			place: measureFrom.label ?? measureFrom.name,
			distance: formatDistance({ km, mi: km / KM_PER_MI }, i18n)
		})
	];
}
