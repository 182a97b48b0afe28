// What changes between two map views: the controller applies only the difference.
import type { MapView } from '$lib/content/types';

export interface ViewChange {
	show: string[];
	hide: string[];
	highlight: string[];
	unhighlight: string[];
}

/** Layers to show and hide, features to highlight and un-highlight, going from `from` to `to`.
 *  With no previous view, every known layer not in `to` is hidden. */
export function diffView(from: MapView | null, to: MapView, allLayers: string[]): ViewChange {
	const before = new Set(from ? from.layers : allLayers.filter((id) => !to.layers.includes(id)));
	const after = new Set(to.layers);
	const lit = new Set(from?.highlight ?? []);
	const toLight = new Set(to.highlight);
	return {
		show: to.layers.filter((id) => !from || !before.has(id)),
		hide: [...before].filter((id) => !after.has(id)),
		highlight: to.highlight.filter((id) => !lit.has(id)),
		unhighlight: [...lit].filter((id) => !toLight.has(id))
	};
}
