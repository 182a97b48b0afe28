// The live map's camera as a d3-geo projection, so that a still shows what MapLibre shows for
// the same view in the same box: MapLibre's globe (radius worldSize / 2π / cos(latitude), with
// worldSize = 512 × 2^zoom), seen in perspective from its camera (field of view 36.87°, so 1.5 ×
// the box's height from the point looked at), tilted by the pitch and turned by the bearing. The
// camera is the one the live map is given for that box (framing.ts).
import { geoProjection, type GeoProjection } from 'd3-geo';
import type { Camera } from '$lib/content/types';

/** MapLibre's default vertical field of view. */
const FOV = (36.86989765 * Math.PI) / 180;
/** MapLibre clamps the latitude of its globe scale here. */
const MAX_LATITUDE = 85.051129;

export interface Box {
	width: number;
	height: number;
}

/**
 * The projection of `camera` in a map box `box` (CSS px), centred at `centre` (default: the
 * box's centre; a still larger than its box centres the box inside the image).
 */
export function cameraProjection(
	camera: Camera,
	box: Box,
	centre: [number, number] = [box.width / 2, box.height / 2]
): GeoProjection {
	const { zoom } = camera;
	const [lng, lat] = camera.center;
	const radius =
		(512 * 2 ** zoom) /
		(2 * Math.PI) /
		Math.cos((Math.min(Math.abs(lat), MAX_LATITUDE) * Math.PI) / 180);
	// The camera's distance from the point looked at, in globe radii.
	const h = ((0.5 / Math.tan(FOV / 2)) * box.height) / radius;
	const pitch = (camera.pitch * Math.PI) / 180;
	const [cosP, sinP] = [Math.cos(pitch), Math.sin(pitch)];
	// On the unit sphere the point looked at is (1, 0, 0), east is +y and north +z. The camera sits
	// h away, tilted south by the pitch, looking back at it; "up" on the screen is north, tilted.
	const raw = (lambda: number, phi: number): [number, number] => {
		const x = Math.cos(phi) * Math.cos(lambda) - (1 + h * cosP);
		const y = Math.cos(phi) * Math.sin(lambda);
		const z = Math.sin(phi) + h * sinP;
		const depth = -x * cosP + z * sinP;
		return [(h * y) / depth, (h * (x * sinP + z * cosP)) / depth];
	};
	// What the camera sees of the sphere: the cap inside its horizon, and, when tilted, no further
	// south than the plane through the camera across its line of sight (points behind the camera
	// would project upside down). Both are circles around the point looked at.
	const horizon = Math.acos(1 / Math.hypot(1 + h * cosP, h * sinP));
	const inFront = pitch > 0 ? 0.95 * (pitch - Math.acos(Math.min(1, cosP + h))) : Infinity;
	return geoProjection(raw)
		.rotate([-lng, -lat, camera.bearing])
		.scale(radius)
		.translate(centre)
		.clipAngle(Math.max(1e-4, (Math.min(horizon, inFront) * 180) / Math.PI - 1e-6))
		.precision(0.2);
}
