// Why this file exists: every authored layer in geodata/*.geojson must say what it is and where
// each feature's coordinates come from. This checks that before anything is built, and names
// the file and feature of each problem so an editor can fix it without reading code: coordinates
// out of range (or swapped: GeoJSON is [longitude, latitude]), unclosed or self-crossing rings,
// geometry that does not fit the layer's style, missing provenance, duplicate ids. Rings wound
// the wrong way are not errors: rewindCollection fixes them (RFC 7946) and says so.

import * as turf from '@turf/turf';
import { ID_PATTERN, LAYER_KINDS } from '../../src/lib/data-contract.js';

/** Nesting depth of coordinates per geometry type (0 = one position). */
const DEPTH = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

const isText = (/** @type {unknown} */ v) => typeof v === 'string' && v.trim() !== '';

/** Whether a value is an ISO calendar date YYYY-MM-DD that exists. */
export function isIsoDate(/** @type {unknown} */ v) {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * Problems with one position, or [] if it is a valid [lng, lat].
 * @param {unknown} p
 */
function positionProblems(p) {
  if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return [`invalid position ${JSON.stringify(p)}`];
  }
  const [x, y] = p;
  if (x < -180 || x > 180) return [`longitude ${x} out of range -180…180`];
  if (y < -90 || y > 90) {
    return x >= -90 && x <= 90
      ? [`latitude ${y} out of range: are longitude and latitude swapped? GeoJSON is [longitude, latitude]`]
      : [`latitude ${y} out of range -90…90`];
  }
  return [];
}

/**
 * Problems with a geometry's coordinates: structure, ranges, closed rings, enough positions.
 * @param {any} geometry
 */
function geometryProblems(geometry) {
  const depth = DEPTH[/** @type {keyof typeof DEPTH} */ (geometry.type)];
  /** @type {string[]} */
  const problems = [];
  /** @param {any} c @param {number} d @param {boolean} ring */
  const walk = (c, d, ring) => {
    if (d === 0) return problems.push(...positionProblems(c));
    if (!Array.isArray(c) || c.length === 0) return problems.push('empty or invalid coordinates');
    if (d === 1 && geometry.type !== 'MultiPoint') {
      const min = ring ? 4 : 2;
      if (c.length < min) problems.push(`${ring ? 'ring' : 'line'} has ${c.length} positions, needs ${min}`);
      if (ring && JSON.stringify(c[0]) !== JSON.stringify(c[c.length - 1])) problems.push('ring is not closed');
    }
    for (const child of c) walk(child, d - 1, ring);
  };
  walk(geometry.coordinates, depth, geometry.type.endsWith('Polygon'));
  if (problems.length === 0) problems.push(...kinkProblems(geometry));
  return [...new Set(problems)];
}

/**
 * Polygons as lists of rings, each named for messages ("exterior ring", "hole 1", with
 * "polygon 2 " in front for a MultiPolygon); [] for other geometries.
 * @param {any} geometry  a structurally valid geometry
 * @returns {{ name: string, ring: number[][], hole: boolean }[][]}
 */
function namedRings(geometry) {
  const multi = geometry.type === 'MultiPolygon';
  const polygons = multi ? geometry.coordinates : geometry.type === 'Polygon' ? [geometry.coordinates] : [];
  return polygons.map((/** @type {number[][][]} */ rings, /** @type {number} */ p) =>
    rings.map((ring, r) => ({
      name: `${multi ? `polygon ${p + 1} ` : ''}${r === 0 ? 'exterior ring' : `hole ${r}`}`,
      ring,
      hole: r > 0
    }))
  );
}

/**
 * A polygon ring that crosses or touches itself (turf.kinks), with the first such point.
 * Repeated consecutive positions are harmless, but turf.kinks reports them: they are skipped.
 * @param {any} geometry  a structurally valid geometry
 */
function kinkProblems(geometry) {
  /** @type {string[]} */
  const problems = [];
  for (const { name, ring } of namedRings(geometry).flat()) {
    const distinct = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
    if (distinct.length < 4) continue;
    const kink = turf.kinks(turf.lineString(distinct)).features[0];
    if (kink) {
      const [x, y] = kink.geometry.coordinates.map((n) => Math.round(n * 1e4) / 1e4);
      problems.push(`${name} crosses itself at [${x}, ${y}]`);
    }
  }
  return problems;
}

/**
 * Validate one authored FeatureCollection.
 * @param {string} file  path to print, e.g. "geodata/places.geojson"
 * @param {string} stem  file name without .geojson: the layer id
 * @param {any} fc       parsed JSON
 * @param {Map<string, string>} seenIds  feature id → file, shared across files
 * @returns {string[]} messages "<file>: feature <id>: <reason>" or "<file>: <reason>"
 */
export function validateCollection(file, stem, fc, seenIds) {
  /** @type {string[]} */
  const errors = [];
  const layer = (/** @type {string} */ reason) => errors.push(`${file}: ${reason}`);

  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    layer('not a GeoJSON FeatureCollection');
    return errors;
  }
  if (!ID_PATTERN.test(stem)) layer('the file name must be the layer id: lower-case words joined by hyphens, then .geojson');
  else if (fc.id !== stem) layer(`"id" must be "${stem}" (the file name), found ${JSON.stringify(fc.id)}`);
  for (const key of ['title', 'source', 'licence']) if (!isText(fc[key])) layer(`missing "${key}"`);
  if (!(fc.style in LAYER_KINDS)) layer(`"style" must be one of ${Object.keys(LAYER_KINDS).join(', ')}, found ${JSON.stringify(fc.style)}`);
  if (fc.asOf !== undefined && !isIsoDate(fc.asOf)) layer(`"asOf" must be an ISO date YYYY-MM-DD, found ${JSON.stringify(fc.asOf)}`);
  if (fc.features.length === 0) layer('has no features');

  const allowed = LAYER_KINDS[/** @type {import('../../src/lib/data-contract.js').LayerKind} */ (fc.style)]?.geometry;
  fc.features.forEach((/** @type {any} */ f, /** @type {number} */ i) => {
    const p = f?.properties ?? {};
    const label = isText(p.id) ? p.id : `#${i + 1}`;
    const bad = (/** @type {string} */ reason) => errors.push(`${file}: feature ${label}: ${reason}`);

    if (f?.type !== 'Feature') bad('not a GeoJSON Feature');
    if (!isText(p.id)) bad('missing properties.id');
    else if (!ID_PATTERN.test(p.id)) bad('properties.id must be kebab-case (a-z, 0-9, -)');
    else if (seenIds.has(p.id)) bad(`duplicate id, already used in ${seenIds.get(p.id)}`);
    else seenIds.set(p.id, file);
    for (const key of ['name', 'source', 'accuracy']) if (!isText(p[key])) bad(`missing properties.${key}`);
    if (p.asOf !== undefined && !isIsoDate(p.asOf)) bad(`properties.asOf must be an ISO date YYYY-MM-DD, found ${JSON.stringify(p.asOf)}`);

    const g = f?.geometry;
    if (!g || !(g.type in DEPTH)) bad(`missing or unsupported geometry ${JSON.stringify(g?.type)}`);
    else {
      if (allowed && !allowed.includes(g.type)) bad(`geometry ${g.type} does not fit style "${fc.style}" (${allowed.join(' or ')})`);
      for (const problem of geometryProblems(g)) bad(problem);
    }
  });
  return errors;
}

/**
 * Rewind polygon rings to RFC 7946 (exterior rings counter-clockwise, holes clockwise), in
 * place. Run it on a collection that validateCollection accepted.
 * @param {string} file  path to print
 * @param {any} fc       a valid FeatureCollection; its geometries are changed
 * @returns {string[]} notices "<file>: feature <id>: rewound …"
 */
export function rewindCollection(file, fc) {
  /** @type {string[]} */
  const notices = [];
  for (const f of fc.features) {
    const fixed = new Set();
    for (const { ring, hole } of namedRings(f.geometry).flat()) {
      if (turf.booleanClockwise(ring) !== hole) {
        ring.reverse();
        fixed.add(hole ? 'rewound hole to clockwise (RFC 7946)' : 'rewound exterior ring to counter-clockwise (RFC 7946)');
      }
    }
    for (const what of fixed) notices.push(`${file}: feature ${f.properties.id}: ${what}`);
  }
  return notices;
}
