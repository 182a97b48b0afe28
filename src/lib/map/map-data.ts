// The map's data, decoded from the site's TopoJSON: the world, the basemap's detail patches and
// the data layers. Shared by the live map (which fetches the files) and the stills rendered at
// build time (which read them from disk), so both draw exactly the same geography.
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { LayerInfo, Manifest } from '$lib/content/types';
import type { MapData } from './style';

/** Decodes one object of a topology as a FeatureCollection. */
function collection(topology: Topology, name: string): FeatureCollection {
	const object = topology.objects[name];
	if (!object) throw new Error(`topology has no object "${name}"`);
	const decoded = feature(topology, object);
	return decoded.type === 'FeatureCollection'
		? decoded
		: { type: 'FeatureCollection', features: [decoded] };
}

type Read = (path: string) => Promise<Topology>;

/** One data layer's features, read from its file (`read` gets site paths such as
 *  /data/places.topo.json). */
export async function loadLayer(layer: LayerInfo, read: Read): Promise<FeatureCollection> {
	return collection(await read(layer.file), layer.id);
}

/** The basemap and the data layers `only` names (all of them if not given). */
export async function loadMapData(
	{ basemap, layers }: Manifest,
	read: Read,
	only: string[] = layers.map((l) => l.id)
): Promise<MapData> {
	const wanted = layers.filter((l) => only.includes(l.id));
	const [world, details, collections] = await Promise.all([
		read('/data/world.topo.json'),
		Promise.all(basemap.details.map((id) => read(`/data/${id}.topo.json`))),
		Promise.all(wanted.map((l) => loadLayer(l, read)))
	]);
	return {
		countries: collection(world, 'countries'),
		borders: collection(world, 'borders'),
		countryLabels: collection(world, 'labels'),
		details: details.map((t, i) => ({
			id: basemap.details[i],
			water: collection(t, 'frame'),
			land: collection(t, 'land'),
			borders: collection(t, 'borders')
		})),
		layers: Object.fromEntries(wanted.map((l, i) => [l.id, collections[i]])),
		credit: basemap.credit.attribution
	};
}
