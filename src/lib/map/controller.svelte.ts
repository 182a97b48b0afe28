// The one place that drives the map. Sections only say which view they want (`show`); the
// controller works out what changed (layers, highlights, camera) and applies that, flying or
// jumping. It exposes its state as runes so the page can write the data-* contract attributes.
import type { FeatureInfo, LayerInfo, MapView } from '$lib/content/types';
import { fitZoom, formatCamera } from './camera';
import { diffView } from './view-diff';

/** The part of a MapLibre map the controller uses; tests pass a fake with the same methods. */
export interface MapLike {
  getContainer(): HTMLElement;
  getStyle(): { layers: { id: string }[] };
  setLayoutProperty(layer: string, name: 'visibility', value: 'visible' | 'none'): unknown;
  setFeatureState(feature: { source: string; id: string }, state: { highlight: boolean }): void;
  flyTo(options: CameraOptions & { duration: number; essential: boolean }): unknown;
  jumpTo(options: CameraOptions): unknown;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getBearing(): number;
  getPitch(): number;
  on(event: 'moveend' | 'resize', listener: () => void): unknown;
  remove(): void;
  /** Pins an element (a place's button) to a position on the map. */
  addMarker(element: HTMLElement, lngLat: [number, number]): { remove(): void };
}

interface CameraOptions {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export type MapState = 'loading' | 'ready' | 'fallback';
export type Motion = 'fly' | 'jump';

/** How long a flight between two views takes, in ms. */
export const FLIGHT_MS = 1600;

export class MapController {
  /** loading → ready, or → fallback when MapLibre or WebGL is unavailable. */
  state = $state<MapState>('loading');
  /** Section id of the view last applied: the `data-view` attribute. */
  sectionId = $state<string | null>(null);
  /** The camera when it last came to rest: the `data-camera` attribute. */
  camera = $state('');

  #map: MapLike | null = null;
  #layers: LayerInfo[];
  #markerFor: (feature: FeatureInfo) => HTMLElement;
  #markers: { remove(): void }[] = [];
  #applied: MapView | null = null;
  #wanted: { sectionId: string; view: MapView } | null = null;

  /** `markerFor` makes the element (a button) that marks a highlighted place on the map. */
  constructor(layers: LayerInfo[], markerFor: (feature: FeatureInfo) => HTMLElement) {
    this.#layers = layers;
    this.#markerFor = markerFor;
  }

  /** Takes over a map whose style has loaded, and shows the view asked for meanwhile. */
  attach(map: MapLike) {
    this.#map = map;
    map.on('moveend', () => (this.camera = this.#readCamera()));
    // A new box size changes the fitted zoom: jump to the current view again.
    map.on('resize', () => this.#applyCamera('jump'));
    this.state = 'ready';
    this.#apply('jump');
  }

  /** The map could not be created: the page shows the text description instead. */
  fail() {
    this.state = 'fallback';
  }

  /** Shows `view` for section `sectionId`. Safe to call often: the latest call always wins, and
   *  calls before the map is ready are remembered and applied when it is. */
  show(sectionId: string, view: MapView, motion: Motion) {
    this.#wanted = { sectionId, view };
    this.#apply(motion);
  }

  destroy() {
    this.#markers = [];
    this.#map?.remove();
    this.#map = null;
  }

  #apply(motion: Motion) {
    const map = this.#map;
    const wanted = this.#wanted;
    if (!map || !wanted) return;
    const change = diffView(this.#applied, wanted.view, this.#layers.map((l) => l.id));
    const styleLayers = map.getStyle().layers.map((l) => l.id);
    const setVisible = (layerId: string, visible: boolean) => {
      for (const id of styleLayers) if (id.startsWith(`${layerId}:`)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    };
    change.hide.forEach((id) => setVisible(id, false));
    change.show.forEach((id) => setVisible(id, true));
    const setLit = (featureId: string, highlight: boolean) => {
      for (const layer of this.#layers) if (layer.features.some((f) => f.id === featureId)) map.setFeatureState({ source: layer.id, id: featureId }, { highlight });
    };
    change.unhighlight.forEach((id) => setLit(id, false));
    change.highlight.forEach((id) => setLit(id, true));
    this.#applied = wanted.view;
    this.sectionId = wanted.sectionId;
    this.#placeMarkers(wanted.view);
    this.#applyCamera(motion);
  }

  /** A marker (from `markerFor`) on every highlighted point of the view, so places can be
   *  activated by click, tap or keyboard even while the map itself ignores the pointer. */
  #placeMarkers(view: MapView) {
    this.#markers.forEach((m) => m.remove());
    const points = this.#layers.flatMap((l) => (view.layers.includes(l.id) ? l.features : [])).filter((f) => f.point && view.highlight.includes(f.id));
    this.#markers = points.map((f) => this.#map!.addMarker(this.#markerFor(f), f.point!));
  }

  #applyCamera(motion: Motion) {
    const map = this.#map;
    const view = this.#applied;
    if (!map || !view) return;
    const box = map.getContainer();
    const { center, zoom, bearing, pitch } = view.camera;
    const camera = { center, bearing, pitch, zoom: fitZoom(zoom, box.clientWidth, box.clientHeight) };
    if (motion === 'fly') map.flyTo({ ...camera, duration: FLIGHT_MS, essential: true });
    else map.jumpTo(camera);
  }

  #readCamera(): string {
    const map = this.#map!;
    const c = map.getCenter();
    return formatCamera({ center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() });
  }
}
