import path from 'node:path';

/**
 * Posters and guides use DejaVu Sans from the dejavu-fonts-ttf package, so every machine renders the
 * same pages (no system fonts needed) and group names in Latin, Greek, Cyrillic and more print right.
 */
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const fontFiles = {
  regular: path.join(fontDir, 'DejaVuSans.ttf'),
  bold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
} as const;

export type FontName = keyof typeof fontFiles;

export const FONT_FAMILY = 'DejaVu Sans';
