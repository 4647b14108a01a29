import { describe, expect, it } from 'vitest';
import { fitView, MAX_ZOOM, mercator, project, spread, tilesFor, tileUrl } from './geo';

const close = (a: number, b: number, eps = 1e-6) => expect(Math.abs(a - b)).toBeLessThan(eps);

describe('the plane of positions', () => {
  it('projects with Web Mercator into the unit square', () => {
    const o = mercator({ lat: 0, lon: 0 });
    close(o.x, 0.5);
    close(o.y, 0.5);
    close(mercator({ lat: 0, lon: -180 }).x, 0);
    // North is up: a higher latitude has a smaller y.
    expect(mercator({ lat: 23.2, lon: 113 }).y).toBeLessThan(mercator({ lat: 23.1, lon: 113 }).y);
    // The poles are clamped to the square.
    expect(mercator({ lat: 90, lon: 0 }).y).toBeGreaterThan(-1e-9);
  });

  it('scales the bounding box to the plane, centred, within the padding', () => {
    const pts = [
      { lat: 23.12, lon: 113.25 },
      { lat: 23.15, lon: 113.36 },
      { lat: 23.1, lon: 113.3 },
    ];
    const v = fitView(pts, 800, 400, 20);
    const xy = pts.map((p) => project(p, v));
    for (const p of xy) {
      expect(p.x).toBeGreaterThanOrEqual(20 - 1e-6);
      expect(p.x).toBeLessThanOrEqual(780 + 1e-6);
      expect(p.y).toBeGreaterThanOrEqual(20 - 1e-6);
      expect(p.y).toBeLessThanOrEqual(380 + 1e-6);
    }
    // The limiting span touches both paddings; the other is centred.
    const xs = xy.map((p) => p.x);
    const ys = xy.map((p) => p.y);
    const touchesX = Math.abs(Math.min(...xs) - 20) < 1e-3 && Math.abs(Math.max(...xs) - 780) < 1e-3;
    const touchesY = Math.abs(Math.min(...ys) - 20) < 1e-3 && Math.abs(Math.max(...ys) - 380) < 1e-3;
    expect(touchesX || touchesY).toBe(true);
    close((Math.min(...xs) + Math.max(...xs)) / 2, 400, 1e-3);
    close((Math.min(...ys) + Math.max(...ys)) / 2, 200, 1e-3);
  });

  it('gives one point the closest zoom, in the middle, and no points the whole world', () => {
    const v = fitView([{ lat: 23.13, lon: 113.26 }], 600, 300, 20);
    expect(v.zoom).toBe(MAX_ZOOM);
    const p = project({ lat: 23.13, lon: 113.26 }, v);
    close(p.x, 300, 1e-6);
    close(p.y, 150, 1e-6);
    expect(fitView([], 600, 300, 20).zoom).toBe(0);
  });

  it('rounds the zoom down for tiles and covers the plane with them', () => {
    const v = fitView([{ lat: 23.1, lon: 113.2 }, { lat: 23.2, lon: 113.4 }], 512, 256, 16, true);
    expect(Number.isInteger(v.zoom)).toBe(true);
    const tiles = tilesFor(v);
    expect(tiles.length).toBeGreaterThan(0);
    // Every pixel of the plane is under some tile.
    for (const [x, y] of [[0, 0], [511, 0], [0, 255], [511, 255], [256, 128]] as const) {
      expect(tiles.some((t) => t.left <= x && x < t.left + t.size && t.top <= y && y < t.top + t.size)).toBe(true);
    }
    expect(tiles.every((t) => t.size === 256 && t.z === v.zoom)).toBe(true);
    // At zoom 1 the columns wrap around the date line.
    const world = tilesFor({ zoom: 1, originX: -256, originY: 0, width: 1024, height: 512 });
    expect(world.map((t) => t.x)).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
  });

  it('fills a tile template', () => {
    expect(tileUrl('https://tile.example/{z}/{x}/{y}.png', { z: 12, x: 3337, y: 1780 })).toBe('https://tile.example/12/3337/1780.png');
  });

  it('sets markers at one place around it, leaving lone ones where they are', () => {
    const ms = [{ at: { x: 100, y: 100 } }, { at: { x: 101, y: 100 } }, { at: { x: 100, y: 101 } }, { at: { x: 100, y: 100 } }, { at: { x: 300, y: 50 } }];
    spread(ms);
    expect(ms[4]!.at).toEqual({ x: 300, y: 50 });
    const placed = ms.slice(0, 4).map((m) => m.at);
    for (const p of placed) close(Math.hypot(p.x - 100, p.y - 100), 18, 1e-9);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(Math.hypot(placed[i]!.x - placed[j]!.x, placed[i]!.y - placed[j]!.y)).toBeGreaterThan(24);
  });
});
