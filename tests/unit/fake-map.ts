// A fake MapLibre map for the controller and story-state tests: it records what it is asked to
// do as short strings, and fires movestart / moveend as MapLibre does (a jump ends at once, a
// flight ends when the test says so with `emit('moveend')`).
import type { LayerInfo, MapView } from '$lib/content/types';
import type { MapLike, Pin } from '$lib/map/controller.svelte';

export const feature = (id: string, point?: [number, number]) => ({
	id,
	name: id,
	source: 'test',
	accuracy: 'test',
	...(point ? { point } : {})
});

export const layers: LayerInfo[] = [
	{
		id: 'places',
		title: '',
		kind: 'points',
		file: '',
		source: '',
		licence: '',
		features: [feature('a', [1, 2]), feature('b', [3, 4])]
	},
	{
		id: 'lines',
		title: '',
		kind: 'boundary',
		file: '',
		source: '',
		licence: '',
		features: [feature('l')]
	}
];

export const view = (
	id: string,
	lng: number,
	layerIds: string[],
	highlight: string[] = []
): MapView => ({
	id,
	camera: { center: [lng, 10], zoom: 4, bearing: 0, pitch: 0 },
	layers: layerIds,
	highlight,
	subject: [],
	padding: 0
});

/** A fake map whose box is `width` × `height` CSS px. */
export function fakeMap(width = 300, height = 420) {
	const calls: string[] = [];
	let camera = { center: { lng: 0, lat: 0 }, zoom: 0, bearing: 0, pitch: 0 };
	const listeners: Record<string, ((e: never) => void)[]> = {};
	const emit = (e: string, data: unknown = {}) => listeners[e]?.forEach((f) => f(data as never));
	const move = (o: { center: [number, number]; zoom: number; bearing: number; pitch: number }) => {
		camera = {
			center: { lng: o.center[0], lat: o.center[1] },
			zoom: o.zoom,
			bearing: o.bearing,
			pitch: o.pitch
		};
	};
	const map: MapLike & { calls: string[]; emit: typeof emit; styleReads: number } = {
		calls,
		emit,
		styleReads: 0,
		getContainer: () => ({ clientWidth: width, clientHeight: height }) as HTMLElement,
		getStyle: () => (
			map.styleReads++,
			{
				layers: [
					{ id: 'water' },
					{ id: 'places:dot' },
					{ id: 'places:label' },
					{ id: 'lines:line' }
				]
			}
		),
		setLayoutProperty: (id: string, p: string, v: unknown) =>
			calls.push(p === 'visibility' ? `${id}=${v}` : `${id}.${p}=${JSON.stringify(v)}`),
		setFeatureState: (f, s) =>
			calls.push(
				'highlight' in s ? `${f.source}/${f.id}:${s.highlight}` : `${f.source}/${f.id} cut:${s.cut}`
			),
		setFilter: (id: string, f: unknown) => calls.push(`${id}.filter=${JSON.stringify(f)}`),
		setPaintProperty: (id: string, p: string, v: unknown) =>
			calls.push(`${id}.${p}=${JSON.stringify(v)}`),
		flyTo: (o) => {
			calls.push(`fly ${o.center} z${o.zoom}`);
			move(o);
			emit('movestart');
		},
		jumpTo: (o) => {
			calls.push(`jump ${o.center} z${o.zoom}`);
			move(o);
			emit('movestart');
			emit('moveend');
		},
		getCenter: () => camera.center,
		getZoom: () => camera.zoom,
		getBearing: () => camera.bearing,
		getPitch: () => camera.pitch,
		on: (e: string, f: (e: never) => void) => (listeners[e] ??= []).push(f),
		project: ([lng, lat]) => ({ x: lng * 10, y: lat * 10 }),
		queryRenderedFeatures: (box) =>
			box[0][0] < 100 && box[1][0] > 100 ? [{ properties: { id: 'a' } }] : [],
		cooperativeGestures: {
			enable: () => calls.push('cooperative on'),
			disable: () => calls.push('cooperative off')
		},
		remove: () => calls.push('remove')
	};
	const pin: Pin = (element, lngLat) => {
		calls.push(`pin ${element.id} ${lngLat}`);
		return { remove: () => calls.push(`unpin ${element.id}`) };
	};
	return Object.assign(map, { pin });
}
