import type { Feature } from 'geojson';
import type { MapData } from './style';

/** A data layer's features: none for a layer not fetched (yet: the live map fetches a layer when a
 *  view needs it, open-map.ts). */
export const featuresOf = (data: Pick<MapData, 'layers'>, layer: string): Feature[] =>
	data.layers[layer]?.features ?? [];
