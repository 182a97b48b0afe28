// The story's map data read from its built files (static/data/, written by the geodata build):
// what the stills and the framing check draw, decoded once per build (the tests' too).
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Topology } from 'topojson-specification';
import type { Manifest } from '$lib/content/types';
import { loadMapData } from '$lib/map/map-data';
import type { MapData } from '$lib/map/style';
import { storyPaths } from './story-paths.js';

const cache = new Map<string, Promise<MapData>>();

export function mapData(manifest: Manifest, root: string): Promise<MapData> {
	const key = `${root}\n${JSON.stringify(manifest.layers.map((l) => l.file))}`;
	if (!cache.has(key)) {
		const dir = storyPaths(root).data;
		const read = async (path: string): Promise<Topology> =>
			JSON.parse(await readFile(join(dir, basename(path)), 'utf8'));
		cache.set(key, loadMapData(manifest, read));
	}
	return cache.get(key)!;
}
