// The board's plane of positions: WGS 84 points projected with Web Mercator (the projection
// XYZ tile servers use), scaled so the day's bounding box fills the plane, and the tiles
// that cover it when a tile server is configured.

/** A map position. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A point on the plane, in its pixels. */
export interface XY {
  x: number;
  y: number;
}

/** Pixels of one tile. */
export const TILE = 256;
/** The closest zoom the plane goes to (a single point, or points a few metres apart). */
export const MAX_ZOOM = 17;
/** Web Mercator's latitude limit. */
const MAX_LAT = 85.05112878;

/** The position in Web Mercator's unit square: x east from −180°, y south from the top. */
export function mercator(p: GeoPoint): XY {
  const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, p.lat));
  const s = Math.sin((lat * Math.PI) / 180);
  return { x: (p.lon + 180) / 360, y: 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI) };
}

/** How the unit square lands on the plane: world pixels at `zoom` minus the origin. */
export interface View {
  zoom: number;
  /** World pixel (at `zoom`) drawn at the plane's top-left corner. */
  originX: number;
  originY: number;
  width: number;
  height: number;
}

/**
 * The view that fits `points` into a `width` × `height` plane with `padding` pixels on each
 * side, centred; one point (or points at one place) gets `MAX_ZOOM`. With `integerZoom`
 * the zoom is rounded down so tiles are drawn at their own size.
 */
export function fitView(points: GeoPoint[], width: number, height: number, padding: number, integerZoom = false): View {
  const ps = points.map(mercator);
  if (ps.length === 0) {
    return { zoom: 0, originX: TILE / 2 - width / 2, originY: TILE / 2 - height / 2, width, height };
  }
  const minX = Math.min(...ps.map((p) => p.x));
  const maxX = Math.max(...ps.map((p) => p.x));
  const minY = Math.min(...ps.map((p) => p.y));
  const maxY = Math.max(...ps.map((p) => p.y));
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const innerW = Math.max(1, width - 2 * padding);
  const innerH = Math.max(1, height - 2 * padding);
  // World size in pixels at zoom z is TILE·2^z; choose it so the larger relative span fits.
  const fit = Math.min(spanX > 0 ? innerW / spanX : Infinity, spanY > 0 ? innerH / spanY : Infinity);
  let zoom = Number.isFinite(fit) ? Math.log2(fit / TILE) : MAX_ZOOM;
  zoom = Math.max(0, Math.min(MAX_ZOOM, zoom));
  if (integerZoom) zoom = Math.floor(zoom);
  const scale = TILE * 2 ** zoom;
  const cx = ((minX + maxX) / 2) * scale;
  const cy = ((minY + maxY) / 2) * scale;
  return { zoom, originX: cx - width / 2, originY: cy - height / 2, width, height };
}

/** Where a position is drawn. */
export function project(p: GeoPoint, v: View): XY {
  const m = mercator(p);
  const scale = TILE * 2 ** v.zoom;
  return { x: m.x * scale - v.originX, y: m.y * scale - v.originY };
}

/** One tile to draw: its address and where it lands. */
export interface Tile {
  z: number;
  x: number;
  y: number;
  left: number;
  top: number;
  size: number;
}

/** The tiles that cover the plane (zoom rounded down; columns wrap around the date line). */
export function tilesFor(v: View): Tile[] {
  const z = Math.max(0, Math.floor(v.zoom));
  const size = TILE * 2 ** (v.zoom - z);
  const n = 2 ** z;
  const tiles: Tile[] = [];
  const x0 = Math.floor(v.originX / size);
  const x1 = Math.floor((v.originX + v.width - 1e-9) / size);
  const y0 = Math.max(0, Math.floor(v.originY / size));
  const y1 = Math.min(n - 1, Math.floor((v.originY + v.height - 1e-9) / size));
  for (let ty = y0; ty <= y1; ty++) {
    for (let tx = x0; tx <= x1; tx++) {
      tiles.push({ z, x: ((tx % n) + n) % n, y: ty, left: tx * size - v.originX, top: ty * size - v.originY, size });
    }
  }
  return tiles;
}

/** A tile's URL from an XYZ template (`…/{z}/{x}/{y}.png`). */
export function tileUrl(template: string, t: Pick<Tile, 'z' | 'x' | 'y'>): string {
  return template.replaceAll('{z}', String(t.z)).replaceAll('{x}', String(t.x)).replaceAll('{y}', String(t.y));
}

/** Markers at one place (several visits to one customer) are set around it so each shows. */
export function spread(markers: { at: XY }[], radius = 18): void {
  const groups = new Map<string, { at: XY }[]>();
  for (const m of markers) {
    const key = `${Math.round(m.at.x / 4)}:${Math.round(m.at.y / 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const c = { ...group[0]!.at };
    const r = radius * Math.max(1, group.length / 6);
    group.forEach((m, i) => {
      const a = (2 * Math.PI * i) / group.length - Math.PI / 2;
      m.at = { x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) };
    });
  }
}
