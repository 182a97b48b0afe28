// The shapes of the content: what an editor writes in story.yaml, after checking, and the one
// helper that reads across them.

/** Where the map looks: authored per view, applied by the map controller. */
export interface Camera {
  /** [longitude, latitude] in degrees. */
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** A named map state that sections point at: camera, visible layers, highlighted features. */
export interface MapView {
  id: string;
  camera: Camera;
  /** Ids of data layers (geodata themes) shown in this view; all others are hidden. */
  layers: string[];
  /** Ids of features drawn highlighted. */
  highlight: string[];
}

/** A quoted passage, found verbatim in a source report. */
export interface Passage {
  /** The source id: the report's file stem. */
  source: string;
  /** 1-based paragraph of the source that contains the quote. */
  paragraph: number;
  /** The exact text, as in the source (whitespace normalised). */
  quote: string;
}

export interface Section {
  id: string;
  title: string;
  /** Id of the map view this section shows. */
  view: string;
  /** One paragraph describing the map view in words, for screen-reader users and when the map cannot load. */
  mapDescription: string;
  /** The narrative, as plain-text paragraphs. */
  body: string[];
  passages: Passage[];
  /** Points on which the reports disagree, set side by side in this section. */
  disagreements: Disagreement[];
}

/** A fact the reports give differently: each position quotes the reports that take it. */
export interface Disagreement {
  id: string;
  /** The question, in the story's words. */
  question: string;
  /** Optional context in the story's words (may be empty). */
  note: string;
  positions: { claim: string; passages: Passage[] }[];
}

export interface Story {
  title: string;
  dek: string;
  /** Map popups give each point's distance from this feature (the id of a point), if set. */
  measureFrom?: string;
  sections: Section[];
  views: Record<string, MapView>;
}

/** One data layer the map can draw, as listed in the generated manifest (static/data/layers.json). */
export interface LayerInfo {
  id: string;
  title: string;
  style: string;
  file: string;
  source: string;
  licence: string;
  asOf?: string;
  features: FeatureInfo[];
}

/** A feature of a data layer: its provenance, and its position when it is a point. */
export interface FeatureInfo {
  id: string;
  name: string;
  /** A short name for the map and for lists, where the full name is long. */
  label?: string;
  source: string;
  accuracy: string;
  asOf?: string;
  /** A point feature's position. */
  point?: [number, number];
  /** For lines and areas: where a marker pins it (a middle vertex, a point inside). */
  anchor?: [number, number];
}

/** A distance computed from the geodata at build time (static/data/distances.json). */
export interface Distance {
  id: string;
  label: string;
  km: number;
  mi: number;
  method: string;
  /** What it is measured between: a place's point, or the land polygon that contains it. */
  from: { point?: string; land?: string };
  to: { point?: string; land?: string };
}

/** Every passage a section quotes: its own, then those of its disagreements. */
export function quotedIn(section: Section): Passage[] {
  return [...section.passages, ...section.disagreements.flatMap((d) => d.positions.flatMap((p) => p.passages))];
}
