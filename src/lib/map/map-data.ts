// The map's data, decoded from the site's TopoJSON: the world, the basemap's detail patches and
// every data layer. Shared by the live map (which fetches the files) and the stills rendered at
// build time (which read them from disk), so both draw exactly the same geography.
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Manifest } from '$lib/content/types';
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

/** Reads every file the manifest names (`read` gets site paths such as /data/world.topo.json). */
export async function loadMapData(
	{ basemap, layers }: Manifest,
	read: (path: string) => Promise<Topology>
): Promise<MapData> {
	const [world, details, layerTopologies] = await Promise.all([
		read('/data/world.topo.json'),
		Promise.all(basemap.details.map((id) => read(`/data/${id}.topo.json`))),
		Promise.all(layers.map((l) => read(l.file)))
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
		layers: Object.fromEntries(layers.map((l, i) => [l.id, collection(layerTopologies[i], l.id)])),
		credit: basemap.credit.attribution
	};
}
