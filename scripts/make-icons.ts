/**
 * Draws Au revoir's icons with a few geometric primitives (an open door with a heart on it) and
 * writes them as PNGs into manifest/icons. The PNGs are committed; run this again only when the
 * design changes: `npx tsx scripts/make-icons.ts`.
 *
 * Shapes are predicates over the unit square; each pixel is 4×4 supersampled so the small
 * ribbon sizes stay smooth.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Shape = (x: number, y: number) => boolean;
type Rgba = readonly [number, number, number, number];

const TERRACOTTA: Rgba = [180, 70, 60, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const SHADOW: Rgba = [232, 214, 205, 255];

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** A door: a rectangle with a round arch on top. */
const archedDoor = (x0: number, x1: number, archY: number, bottom: number): Shape => {
  const cx = (x0 + x1) / 2;
  const r = (x1 - x0) / 2;
  return (x, y) => x >= x0 && x <= x1 && y <= bottom && (y >= archY || (x - cx) ** 2 + (y - archY) ** 2 <= r * r);
};

/** The classic implicit heart, (u²+v²−1)³ − u²v³ ≤ 0, centred on (cx, cy). */
const heart = (cx: number, cy: number, size: number): Shape => (x, y) => {
  const u = (x - cx) / size;
  const v = -(y - cy) / size + 0.15;
  return (u * u + v * v - 1) ** 3 - u * u * v * v * v <= 0;
};

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);

/** Layers are painted in order; later ones cover earlier ones. */
type Layer = readonly [Shape, Rgba];

const render = (size: number, layers: readonly Layer[]): Buffer => {
  const png = new PNG({ width: size, height: size });
  const SS = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let colour: Rgba = [0, 0, 0, 0];
          for (const [shape, c] of layers) if (shape(x, y)) colour = c;
          // Premultiplied accumulation keeps transparent edges from going dark.
          r += colour[0] * colour[3]; g += colour[1] * colour[3]; b += colour[2] * colour[3]; a += colour[3];
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round(a / (SS * SS));
    }
  }
  return PNG.sync.write(png);
};

const door = archedDoor(0.3, 0.7, 0.4, 0.82);
/** The open leaf, a slightly narrower light panel so the door reads as ajar. */
const leaf = archedDoor(0.3, 0.62, 0.4, 0.82);

const colourLayers: readonly Layer[] = [
  [roundedRect(0.04, 0.04, 0.96, 0.96, 0.2), TERRACOTTA],
  [door, SHADOW],
  [leaf, WHITE],
  [heart(0.46, 0.55, 0.1), TERRACOTTA],
  [circle(0.56, 0.66, 0.022), TERRACOTTA],
];

/** Teams' outline icon: white strokes on transparency, 32×32. */
const outlineLayers: readonly Layer[] = [
  [minus(archedDoor(0.22, 0.78, 0.4, 0.92), archedDoor(0.31, 0.69, 0.4, 0.84)), WHITE],
  [heart(0.5, 0.58, 0.14), WHITE],
];

export const ICONS: Readonly<Record<string, Buffer>> = {
  'color.png': render(192, colourLayers),
  'color-32.png': render(32, colourLayers),
  'outline.png': render(32, outlineLayers),
  ...Object.fromEntries([16, 25, 32, 48, 64, 80, 128].map((s) => [`icon-${s}.png`, render(s, colourLayers)])),
};

if (require.main === module) {
  const dir = join(__dirname, '..', 'manifest', 'icons');
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries(ICONS)) {
    writeFileSync(join(dir, name), data);
    console.log(`manifest/icons/${name} (${data.length} bytes)`);
  }
}
