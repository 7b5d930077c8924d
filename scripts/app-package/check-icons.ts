import { PNG } from 'pngjs';
import type { PackageProblem } from './app-package.errors';

/** What Teams requires of each icon. */
export const iconRules = {
  color: { size: 192, whiteOnTransparent: false },
  outline: { size: 32, whiteOnTransparent: true },
} as const;

/**
 * Problems with one icon: not a PNG, the wrong size, or (outline) any pixel that is neither
 * transparent nor white. Returns no problems when Teams will accept it.
 */
export function checkIcon(
  name: string,
  bytes: Buffer,
  rule: { size: number; whiteOnTransparent: boolean },
): PackageProblem[] {
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    return [{ where: name, message: `is not a readable PNG (${(error as Error).message})` }];
  }
  if (png.width !== rule.size || png.height !== rule.size) {
    return [
      { where: name, message: `must be ${rule.size}×${rule.size} pixels, not ${png.width}×${png.height}` },
    ];
  }
  if (rule.whiteOnTransparent) {
    let coloured = 0;
    let opaque = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3]!;
      if (alpha === 0) continue;
      opaque++;
      if (png.data[i]! < 250 || png.data[i + 1]! < 250 || png.data[i + 2]! < 250) coloured++;
    }
    if (coloured > 0)
      return [{ where: name, message: `must be white on transparent; ${coloured} pixels are coloured` }];
    if (opaque === 0) return [{ where: name, message: 'is fully transparent' }];
  }
  return [];
}
