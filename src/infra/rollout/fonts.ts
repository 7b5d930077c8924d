import path from 'node:path';

/**
 * Posters, slips and guides embed their fonts, so every machine renders the same pages (no system fonts
 * needed): DejaVu Sans (dejavu-fonts-ttf) for Latin, Greek, Cyrillic and symbols, Noto Sans Devanagari and
 * Noto Sans Arabic (@expo-google-fonts, SIL OFL 1.1) for Hindi and Arabic. Each run of text is drawn in
 * the face of its script (see script-runs.ts), so a name in any of the three prints without boxes.
 */
const dejavu = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const noto = (family: string, file: string): string =>
  path.join(
    path.dirname(require.resolve(`@expo-google-fonts/${family}/package.json`)),
    file.includes('700') ? '700Bold' : '400Regular',
    file,
  );

export type FontName = 'regular' | 'bold';
export type FontFace = 'latin' | 'devanagari' | 'arabic';

/** The font file of each face and weight, registered with pdfkit as `<face>-<weight>`. */
export const faceFiles: Readonly<Record<FontFace, Readonly<Record<FontName, string>>>> = {
  latin: {
    regular: path.join(dejavu, 'DejaVuSans.ttf'),
    bold: path.join(dejavu, 'DejaVuSans-Bold.ttf'),
  },
  devanagari: {
    regular: noto('noto-sans-devanagari', 'NotoSansDevanagari_400Regular.ttf'),
    bold: noto('noto-sans-devanagari', 'NotoSansDevanagari_700Bold.ttf'),
  },
  arabic: {
    regular: noto('noto-sans-arabic', 'NotoSansArabic_400Regular.ttf'),
    bold: noto('noto-sans-arabic', 'NotoSansArabic_700Bold.ttf'),
  },
};

/** The name a face and weight is registered under in a pdfkit document. */
export const pdfFontName = (face: FontFace, weight: FontName): string => `${face}-${weight}`;

/** Registers every face and weight with a pdfkit document (pdfkit embeds only the glyphs used). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [face, weights] of Object.entries(faceFiles)) {
    for (const [weight, file] of Object.entries(weights)) {
      doc.registerFont(pdfFontName(face as FontFace, weight as FontName), file);
    }
  }
}
