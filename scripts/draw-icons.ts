import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/**
 * Draws Convene's Teams icons: a chat bubble holding three people-dots ("convene": to come together).
 * Shapes are signed-distance functions sampled 4×4 per pixel, so edges are smooth at 32 px too.
 * `npx tsx scripts/draw-icons.ts` rewrites appPackage/color.png and appPackage/outline.png.
 */

/** Convene's accent colour, also the manifest's accentColor. */
export const ACCENT = { r: 0x0e, g: 0x7a, b: 0x6d };

type Sdf = (x: number, y: number) => number;

const roundedRect =
  (cx: number, cy: number, halfW: number, halfH: number, radius: number): Sdf =>
  (x, y) => {
    const qx = Math.abs(x - cx) - halfW + radius;
    const qy = Math.abs(y - cy) - halfH + radius;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };

const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

/** A triangle as the intersection of three half-planes (edges given clockwise). */
const triangle = (a: [number, number], b: [number, number], c: [number, number]): Sdf => {
  const edge =
    (p: [number, number], q: [number, number]): Sdf =>
    (x, y) => {
      const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
      const length = Math.hypot(dx, dy);
      return ((x - p[0]) * dy - (y - p[1]) * dx) / length;
    };
  const edges = [edge(a, b), edge(b, c), edge(c, a)];
  return (x, y) => Math.max(...edges.map((e) => e(x, y)));
};

const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

/** The symbol in a unit square (0..1): a bubble with a tail at the bottom left and three dots. */
function symbol(): { bubble: Sdf; dots: Sdf } {
  const bubble = union(
    roundedRect(0.5, 0.45, 0.4, 0.3, 0.14),
    triangle([0.22, 0.66], [0.42, 0.7], [0.18, 0.9]),
  );
  const dots = union(circle(0.3, 0.45, 0.075), circle(0.5, 0.45, 0.075), circle(0.7, 0.45, 0.075));
  return { bubble, dots };
}

type Colour = { r: number; g: number; b: number; a: number };

/** Samples `paint` 4×4 times per pixel and averages the premultiplied colours. */
function rasterise(size: number, paint: (u: number, v: number, pixel: number) => Colour): PNG {
  const png = new PNG({ width: size, height: size });
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size, 1 / size);
          r += c.r * c.a;
          g += c.g * c.a;
          b += c.b * c.a;
          a += c.a;
        }
      }
      const i = (y * size + x) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return png;
}

const WHITE = { r: 255, g: 255, b: 255 };

/** 192×192, full-bleed accent background; the symbol sits in the central area Teams recommends. */
export function drawColourIcon(size = 192): PNG {
  const { bubble, dots } = symbol();
  // The symbol spans the middle 60% so Teams' rounded-corner mask never clips it.
  const inset = 0.2;
  return rasterise(size, (u, v) => {
    const x = (u - inset) / (1 - 2 * inset);
    const y = (v - inset) / (1 - 2 * inset);
    if (dots(x, y) < 0) return { ...ACCENT, a: 1 };
    if (bubble(x, y) < 0) return { ...WHITE, a: 1 };
    return { ...ACCENT, a: 1 };
  });
}

/** 32×32, white strokes on a transparent background, as Teams requires of outline icons. */
export function drawOutlineIcon(size = 32): PNG {
  const { bubble, dots } = symbol();
  const inset = 0.04;
  const stroke = 0.07;
  return rasterise(size, (u, v) => {
    const x = (u - inset) / (1 - 2 * inset);
    const y = (v - inset) / (1 - 2 * inset);
    const onOutline = Math.abs(bubble(x, y) + stroke / 2) < stroke / 2;
    return { ...WHITE, a: onOutline || dots(x, y) < 0 ? 1 : 0 };
  });
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'appPackage');
  writeFileSync(path.join(dir, 'color.png'), PNG.sync.write(drawColourIcon()));
  writeFileSync(path.join(dir, 'outline.png'), PNG.sync.write(drawOutlineIcon()));
  console.log(`Wrote color.png and outline.png in ${dir}`);
}
