// The map controller against a fake map: it applies only what changes, flies or jumps as
// asked, and the latest request always wins.
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { LayerInfo, MapView } from '$lib/content/types';
import { MapController, type MapLike } from '$lib/map/controller.svelte';

const feature = (id: string) => ({ id, name: id, source: 'test', accuracy: 'test', ...(id === 'l' ? {} : { point: [1, 2] as [number, number] }) });
const markerFor = (f: { id: string }) => ({ textContent: f.id }) as HTMLElement;
const layers: LayerInfo[] = [
  { id: 'places', title: '', style: 'points', file: '', source: '', licence: '', features: [feature('a'), feature('b')] },
  { id: 'lines', title: '', style: 'boundary', file: '', source: '', licence: '', features: [feature('l')] }
];
const view = (id: string, lng: number, layerIds: string[], highlight: string[] = []): MapView => ({
  id, camera: { center: [lng, 10], zoom: 4, bearing: 0, pitch: 0 }, layers: layerIds, highlight
});
const A = view('a', 10, ['places'], ['a']);
const B = view('b', 20, ['places', 'lines'], ['b', 'l']);

const activated: string[] = [];

function fakeMap() {
  const calls: string[] = [];
  let camera = { center: { lng: 0, lat: 0 }, zoom: 0, bearing: 0, pitch: 0 };
  const listeners: Record<string, ((e: never) => void)[]> = {};
  const move = (o: { center: [number, number]; zoom: number; bearing: number; pitch: number }) => {
    camera = { center: { lng: o.center[0], lat: o.center[1] }, zoom: o.zoom, bearing: o.bearing, pitch: o.pitch };
  };
  const map: MapLike & { calls: string[]; emit: (e: string, data?: unknown) => void } = {
    calls,
    emit: (e, data = {}) => listeners[e]?.forEach((f) => f(data as never)),
    getContainer: () => ({ clientWidth: 600, clientHeight: 800 }) as HTMLElement,
    getStyle: () => ({ layers: [{ id: 'water' }, { id: 'places:dot' }, { id: 'places:label' }, { id: 'lines:line' }] }),
    setLayoutProperty: (id, _p, v) => calls.push(`${id}=${v}`),
    setFeatureState: (f, s) => calls.push(`${f.source}/${f.id}:${s.highlight}`),
    flyTo: (o) => (calls.push(`fly ${o.center}`), move(o)),
    jumpTo: (o) => (calls.push(`jump ${o.center}`), move(o)),
    getCenter: () => camera.center,
    getZoom: () => camera.zoom,
    getBearing: () => camera.bearing,
    getPitch: () => camera.pitch,
    on: (e: string, f: (e: never) => void) => (listeners[e] ??= []).push(f),
    project: ([lng, lat]) => ({ x: lng * 10, y: lat * 10 }),
    queryRenderedFeatures: (box) => (box[0][0] < 100 && box[1][0] > 100 ? [{ properties: { id: 'a' } }] : []),
    cooperativeGestures: { enable: () => calls.push('cooperative on'), disable: () => calls.push('cooperative off') },
    remove: () => calls.push('remove'),
    addMarker: (element, lngLat) => {
      calls.push(`marker ${element.textContent} ${lngLat}`);
      return { remove: () => calls.push(`unmark ${element.textContent}`) };
    }
  };
  return map;
}

describe('MapController', () => {
  it('remembers a view asked for before the map is ready and jumps to it on attach', () => {
    const c = new MapController(layers, markerFor, (f) => activated.push(f.id));
    const map = fakeMap();
    c.show('s1', A, 'fly');
    expect(c.state).toBe('loading');
    c.attach(map);
    expect(c.state).toBe('ready');
    expect(map.calls).toEqual(['lines:line=none', 'places:dot=visible', 'places:label=visible', 'places/a:true', 'marker a 1,2', 'jump 10,10']);
    expect(c.sectionId).toBe('s1');
  });

  it('applies only the difference between views, and flies', () => {
    const c = new MapController(layers, markerFor, (f) => activated.push(f.id));
    const map = fakeMap();
    c.attach(map);
    c.show('s1', A, 'fly');
    map.calls.length = 0;
    c.show('s2', B, 'fly');
    // Markers go on highlighted points only (not on the line l).
    expect(map.calls).toEqual(['lines:line=visible', 'places/a:false', 'places/b:true', 'lines/l:true', 'unmark a', 'marker b 1,2', 'fly 20,10']);
    map.calls.length = 0;
    c.show('s1', A, 'jump');
    expect(map.calls).toEqual(['lines:line=none', 'places/b:false', 'lines/l:false', 'places/a:true', 'unmark b', 'marker a 1,2', 'jump 10,10']);
  });

  it('writes the settled camera, with the zoom fitted to the box', () => {
    const c = new MapController(layers, markerFor, (f) => activated.push(f.id));
    const map = fakeMap();
    c.attach(map);
    c.show('s2', B, 'jump');
    map.emit('moveend');
    flushSync();
    expect(c.camera).toBe('20.0000,10.0000,4.00,0.0,0.0');
  });

  it('ends on the last view asked for after many quick requests', () => {
    const c = new MapController(layers, markerFor, (f) => activated.push(f.id));
    const map = fakeMap();
    c.attach(map);
    for (const [id, v] of [['s1', A], ['s2', B], ['s1', A], ['s2', B]] as const) c.show(id, v, 'fly');
    expect(map.calls.at(-1)).toBe('fly 20,10');
    expect(c.sectionId).toBe('s2');
  });

  it('explores on a gesture of the reader, shows every layer and its features, and returns to the section', () => {
    const c = new MapController(layers, markerFor, (f) => activated.push(f.id));
    const map = fakeMap();
    c.attach(map);
    c.show('s1', A, 'fly');
    map.emit('movestart', {}); // the story's own flights do not explore
    expect(c.mode).toBe('story');
    map.calls.length = 0;
    map.emit('movestart', { originalEvent: {} });
    expect(c.mode).toBe('explore');
    expect(map.calls).toEqual(['cooperative off', 'places:dot=visible', 'places:label=visible', 'lines:line=visible', 'unmark a', 'marker a 1,2', 'marker b 1,2']);
    map.calls.length = 0;
    c.show('s2', B, 'fly'); // remembered, not applied: the reader is looking around
    expect(map.calls).toEqual([]);
    c.returnToStory('fly');
    expect(c.mode).toBe('story');
    expect(map.calls).toEqual(['cooperative on', 'places/a:false', 'places/b:true', 'lines/l:true', 'unmark a', 'unmark b', 'marker b 1,2', 'fly 20,10']);
    expect(c.sectionId).toBe('s2');
  });

  it('starts exploring at a shared camera when asked before the map is ready', () => {
    const c = new MapController(layers, markerFor, (f) => activated.push(f.id));
    c.explore({ center: [5, 6], zoom: 3, bearing: 0, pitch: 0 });
    const map = fakeMap();
    c.attach(map);
    expect(c.mode).toBe('explore');
    expect(map.calls.at(-1)).toBe('jump 5,6');
  });

  it('activates the feature clicked on the map', () => {
    const c = new MapController(layers, markerFor, (f) => activated.push(f.id));
    const map = fakeMap();
    c.attach(map);
    activated.length = 0;
    map.emit('click', { point: { x: 100, y: 50 } });
    map.emit('click', { point: { x: 300, y: 50 } });
    expect(activated).toEqual(['a']);
  });

  it('falls back when the map cannot be made', () => {
    const c = new MapController(layers, markerFor, (f) => activated.push(f.id));
    c.fail();
    expect(c.state).toBe('fallback');
  });
});
