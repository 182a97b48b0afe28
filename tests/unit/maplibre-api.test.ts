// A canary against the real MapLibre API: an upgrade that renames or drops a method the map
// code relies on fails here, by name.
import * as maplibre from 'maplibre-gl';
import { describe, expect, it } from 'vitest';

const used = ['getContainer', 'getStyle', 'setLayoutProperty', 'setFeatureState', 'flyTo', 'jumpTo', 'getCenter', 'getZoom', 'getBearing', 'getPitch', 'on', 'once', 'remove'] as const;

describe('maplibre-gl API used by the map controller', () => {
  it.each(used)('Map.prototype.%s exists', (name) => {
    expect(typeof (maplibre.Map.prototype as unknown as Record<string, unknown>)[name]).toBe('function');
  });
  it.each(['setLngLat', 'addTo', 'remove', 'getElement'])('Marker.prototype.%s exists (place markers)', (name) => {
    expect(typeof (maplibre.Marker.prototype as unknown as Record<string, unknown>)[name]).toBe('function');
  });
  it('exports setWorkerUrl (the worker is not found after a Vite build without it)', () => {
    expect(typeof maplibre.setWorkerUrl).toBe('function');
  });
});
