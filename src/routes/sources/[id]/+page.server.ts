import { error } from '@sveltejs/kit';
import { readSources } from '$lib/content/load-story';
import { sourceLabels } from '$lib/content/corpus';

export function entries() {
  return readSources().map((s) => ({ id: s.id }));
}

export function load({ params }) {
  const sources = readSources();
  const source = sources.find((s) => s.id === params.id);
  if (!source) error(404, 'No such report');
  return { source, label: sourceLabels(sources)[source.id] };
}
