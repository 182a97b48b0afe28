// Why this file exists: every byte of static/data is downloaded by readers, most of it before the
// first live map. A layer traced at full resolution (a 6.7 MB coastline) would triple that without
// anyone noticing, so the build holds the data to a budget: per authored layer, and in all. The
// defaults suit a story like this one; a story raises them on purpose in geodata/budget.json:
//   { "layer": 102400, "total": 655360 }   (bytes: each layer's <id>.topo.json; all of static/data)

import fs from 'node:fs';
import { keyLine, readJsonFile } from './json.js';

/** The defaults: 100 KiB a layer (this story's largest is 14 KiB), 640 KiB in all (512 KiB). */
export const DEFAULT_BUDGET = { layer: 100 * 1024, total: 640 * 1024 };

/**
 * @typedef {{ layer: number, total: number, where: Record<'layer' | 'total', string> }} Budget
 */

const kib = (/** @type {number} */ bytes) =>
	bytes >= 1024 * 1024
		? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
		: `${Math.round(bytes / 1024)} KiB`;

/**
 * The budget in `file` (geodata/budget.json), or the defaults where it does not say.
 * @param {string} full  path to read
 * @param {string} file  path to print
 * @returns {{ budget: Budget | null, errors: string[] }}
 */
export function readBudget(full, file) {
	/** @type {Budget} */
	const budget = {
		...DEFAULT_BUDGET,
		where: {
			layer: `the default; raise it with "layer" in ${file}`,
			total: `the default; raise it with "total" in ${file}`
		}
	};
	if (!fs.existsSync(full)) return { budget, errors: [] };
	const { value, error } = readJsonFile(full, file);
	if (error) return { budget: null, errors: [error] };
	const text = fs.readFileSync(full, 'utf8');
	/** @type {string[]} */
	const errors = [];
	for (const key of /** @type {const} */ (['layer', 'total'])) {
		if (value?.[key] === undefined) continue;
		const line = keyLine(text, key);
		if (!Number.isInteger(value[key]) || value[key] <= 0)
			errors.push(
				`${file}:${line}: "${key}" must be a number of bytes, e.g. ${DEFAULT_BUDGET[key]}`
			);
		else {
			budget[key] = value[key];
			budget.where[key] = `${file}:${line}`;
		}
	}
	return { budget: errors.length ? null : budget, errors };
}

/**
 * What the built data costs against the budget: a message per layer over it, and one for the
 * whole when it is over.
 * @param {Map<string, string>} outputs  file name → JSON text (buildOutputs)
 * @param {string[]} layers  the authored layers' ids
 * @param {Budget} budget
 * @param {string} srcDir  where the layers are, for the messages
 */
export function checkBudget(outputs, layers, budget, srcDir) {
	/** @type {string[]} */
	const errors = [];
	let total = 0;
	for (const [name, text] of outputs) {
		const bytes = Buffer.byteLength(text);
		total += bytes;
		const id = name.replace(/\.topo\.json$/, '');
		if (layers.includes(id) && bytes > budget.layer)
			errors.push(
				`${srcDir}/${id}.geojson: the layer makes ${kib(bytes)} of data for readers to download, over the budget of ${kib(budget.layer)} a layer (${budget.where.layer}): simplify its shapes (mapshaper, QGIS "Simplify"), or raise the budget on purpose`
			);
	}
	if (total > budget.total)
		errors.push(
			`${srcDir}: the map's data comes to ${kib(total)}, over the budget of ${kib(budget.total)} in all (${budget.where.total}): simplify the largest layers, or raise the budget on purpose`
		);
	return { errors, total };
}
