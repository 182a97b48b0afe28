// Why this file exists: the basemap under a story's layers is part of the story, not of the
// engine. geodata/basemap.json says how the page credits it and where the 1:50m world needs a
// 1:10m patch (a Bering Strait with its islands, a city's coastline); this reads and checks it,
// naming the file and the entry of each problem.

import fs from 'node:fs';
import { ID_PATTERN, markupProblem } from '../../src/lib/data-contract.js';
import { readJsonFile } from './json.js';

/**
 * @typedef {object} DetailSpec
 * @property {string} id  `detail-<name>`: the patch's file is <id>.topo.json
 * @property {string} title
 * @property {number[]} bbox  [west, south, east, north] in degrees, within −180…180
 * @property {{ feature: string, in: string }[]} expect  point features that must fall in the
 *   named country's land in the patch (a check that the clip holds what the story needs)
 */

/**
 * @typedef {object} BasemapSpec
 * @property {import('../../src/lib/data-contract.js').BasemapInfo['credit']} credit
 * @property {DetailSpec[]} details
 * @property {string} [file]  where it was read from, for messages
 */

const isText = (/** @type {unknown} */ v) => typeof v === 'string' && v.trim() !== '';

/**
 * Read and check basemap.json.
 * @param {string} file  path of basemap.json, as printed in messages
 * @param {Map<string, number[]>} points  id → [lng, lat] of every point feature of the layers
 * @returns {{ basemap: BasemapSpec | null, errors: string[] }}
 */
export function readBasemap(file, points) {
	if (!fs.existsSync(file))
		return {
			basemap: null,
			errors: [
				`${file}: missing: it names the basemap's credit and its detail patches (see geodata/README.md)`
			]
		};
	const { value: spec, error } = readJsonFile(file, file);
	if (error) return { basemap: null, errors: [error] };
	/** @type {string[]} */
	const errors = [];
	const credit = spec?.credit;
	for (const key of ['title', 'attribution', 'source', 'licence'])
		if (!isText(credit?.[key])) errors.push(`${file}: credit: missing "${key}"`);
	for (const key of ['title', 'attribution', 'source', 'licence', 'note'])
		if (markupProblem(key, credit?.[key]))
			errors.push(`${file}: credit: ${markupProblem(`"${key}"`, credit[key])}`);
	if (credit?.note !== undefined && !isText(credit.note))
		errors.push(`${file}: credit: "note" must be text`);
	if (
		credit?.noteWith !== undefined &&
		!(Array.isArray(credit.noteWith) && credit.noteWith.every(isText))
	)
		errors.push(`${file}: credit: "noteWith" must be a list of layer ids`);
	if (!Array.isArray(spec?.details))
		errors.push(`${file}: "details" must be a list (it may be empty)`);

	const seen = new Set();
	(Array.isArray(spec?.details) ? spec.details : []).forEach(
		(/** @type {any} */ d, /** @type {number} */ i) => {
			const where = `${file}: detail ${isText(d?.id) ? d.id : `#${i + 1}`}`;
			if (!isText(d?.id) || !d.id.startsWith('detail-') || !ID_PATTERN.test(d.id))
				errors.push(`${where}: "id" must be detail-<name>, lower-case words joined by hyphens`);
			else if (seen.has(d.id)) errors.push(`${where}: duplicate id`);
			else seen.add(d.id);
			if (!isText(d?.title)) errors.push(`${where}: missing "title"`);
			const b = d?.bbox;
			const boxOk =
				Array.isArray(b) &&
				b.length === 4 &&
				b.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
				b[0] >= -180 &&
				b[2] <= 180 &&
				b[1] >= -90 &&
				b[3] <= 90 &&
				b[0] < b[2] &&
				b[1] < b[3];
			if (!boxOk)
				errors.push(
					`${where}: "bbox" must be [west, south, east, north] in degrees, west < east and south < north`
				);
			if (!Array.isArray(d?.expect))
				errors.push(
					`${where}: "expect" must be a list of { "feature": point id, "in": country name }`
				);
			for (const x of Array.isArray(d?.expect) ? d.expect : []) {
				if (!isText(x?.feature) || !isText(x?.in))
					errors.push(`${where}: each "expect" entry needs "feature" and "in"`);
				else if (!points.has(x.feature))
					errors.push(`${where}: expect: unknown point feature "${x.feature}"`);
			}
		}
	);
	return errors.length ? { basemap: null, errors } : { basemap: { ...spec, file }, errors };
}
