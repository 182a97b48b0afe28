// A canary against the real MapLibre API: an upgrade that renames or drops what the map code
// calls fails here, by name. The controller's list is checked by the compiler to be exactly the
// members of MapLike, and open-map.ts assigns a real maplibre Map to MapLike without a cast, so
// the signatures are checked too.
import * as maplibre from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { MapLike } from '$lib/map/controller.svelte';

/** Every member of MapLike (the compiler rejects a missing or an extra one). */
const controllerCalls = {
	getContainer: 'method',
	getStyle: 'method',
	setLayoutProperty: 'method',
	setFeatureState: 'method',
	setPaintProperty: 'method',
	setFilter: 'method',
	flyTo: 'method',
	jumpTo: 'method',
	getCenter: 'method',
	getZoom: 'method',
	getBearing: 'method',
	getPitch: 'method',
	project: 'method',
	queryRenderedFeatures: 'method',
	on: 'method',
	remove: 'method',
	// An instance's handler, not on the prototype: open-map.ts's typed assignment checks it.
	cooperativeGestures: 'handler'
} satisfies Record<keyof MapLike, 'method' | 'handler'>;

/** What open-map.ts calls to create the map, its controls and its markers. */
const openMapCalls = { Map: ['once', 'addControl'], Marker: ['setLngLat', 'addTo', 'remove'] };

const member = (cls: 'Map' | 'Marker', name: string): unknown =>
	Reflect.get(maplibre[cls].prototype, name);

describe('maplibre-gl API used by the map code', () => {
	const methods = Object.entries(controllerCalls)
		.filter(([, kind]) => kind === 'method')
		.map(([name]) => name);
	it.each(methods)('Map.prototype.%s exists (the controller)', (name) => {
		expect(typeof member('Map', name)).toBe('function');
	});
	it.each(
		Object.entries(openMapCalls).flatMap(([cls, names]) =>
			names.map((name) => [cls, name] as ['Map' | 'Marker', string])
		)
	)('%s.prototype.%s exists (open-map)', (cls, name) =>
		expect(typeof member(cls, name)).toBe('function')
	);
	it.each(['NavigationControl', 'ScaleControl', 'setWorkerUrl'] as const)(
		'exports %s (open-map)',
		(name) => {
			expect(typeof maplibre[name]).toBe('function');
		}
	);
});
