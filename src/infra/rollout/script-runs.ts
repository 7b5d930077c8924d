import bidiFactory from 'bidi-js';
import * as fontkit from 'fontkit';
import { type FontFace, type FontName, faceFiles } from './fonts';

/**
 * A line of text cut into runs a renderer can draw one after another, left to right: each run in one
 * face (the font of its script) and one direction. Right-to-left runs keep their logical order, because
 * shaping (Arabic joining) needs it; fontkit, inside pdfkit and resvg alike, lays them out right to left.
 */
export interface TextRun {
  text: string;
  face: FontFace;
  rtl: boolean;
}

const bidi = bidiFactory();

type Font = fontkit.Font;
const fonts = new Map<string, Font>();

/** The font of a face and weight, opened once. */
export function fontOf(face: FontFace, weight: FontName = 'regular'): Font {
  const file = faceFiles[face][weight];
  let font = fonts.get(file);
  if (!font) {
    font = fontkit.openSync(file);
    fonts.set(file, font);
  }
  return font;
}

const FALLBACK: readonly FontFace[] = ['latin', 'devanagari', 'arabic'];
const DEVANAGARI = /\p{Script=Devanagari}/u;
const ARABIC = /\p{Script=Arabic}/u;
const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Every bidi control, to strip from text no renderer should see them in. */
export const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Spaces, digits, punctuation and combining marks: they take the face of the text around them. */
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** The face for one character: its script's, or the face before it for shared characters it has. */
function faceFor(char: string, before: FontFace | undefined): FontFace {
  if (DEVANAGARI.test(char)) return 'devanagari';
  if (ARABIC.test(char)) return 'arabic';
  const codePoint = char.codePointAt(0)!;
  if (SHARED.test(char) && before && fontOf(before).hasGlyphForCodePoint(codePoint)) return before;
  return FALLBACK.find((face) => fontOf(face).hasGlyphForCodePoint(codePoint)) ?? 'latin';
}

/** Whether the text contains letters of a right-to-left script (whose runs fontkit itself reverses). */
const hasRtlLetters = (text: string): boolean => ARABIC.test(text);

/**
 * One line's runs in visual order (left to right), by the Unicode Bidirectional Algorithm (bidi-js) with
 * the paragraph's direction: an Arabic poster reads right to left, and a Latin name or a number inside
 * it still reads left to right.
 */
export function textRuns(line: string, direction: 'ltr' | 'rtl'): TextRun[] {
  const chars = [...line];
  if (chars.length === 0) return [];
  // bidi-js counts UTF-16 units; keep each character's first unit's level.
  const text = chars.join('');
  const embedding = bidi.getEmbeddingLevels(text, direction);
  const mirrored = bidi.getMirroredCharactersMap(text, embedding);
  const unitOf: number[] = [];
  let unit = 0;
  for (const char of chars) {
    unitOf.push(unit);
    unit += char.length;
  }
  const levels = unitOf.map((u) => embedding.levels[u]!);
  const faces: FontFace[] = [];
  for (const char of chars) faces.push(faceFor(char, faces[faces.length - 1]));

  // Logical runs: same face, same level. Bidi controls (the isolates around a link in Arabic text) have
  // done their work once levels are known; no font draws them, so they are left out of every run.
  const logical: Array<{ start: number; end: number; face: FontFace; level: number }> = [];
  chars.forEach((char, i) => {
    if (BIDI_CONTROL.test(char)) return;
    const last = logical[logical.length - 1];
    if (last && last.face === faces[i] && last.level === levels[i]) last.end = i;
    else logical.push({ start: i, end: i, face: faces[i]!, level: levels[i]! });
  });

  // Reorder runs (UAX #9 rule L2): from the highest level down to the lowest odd one, reverse every
  // stretch of runs at that level or above.
  const order = logical.map((_, i) => i);
  const highest = Math.max(...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 ? l : l + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; ) {
      if (logical[order[i]!]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && logical[order[j]!]!.level >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }

  return order.map((index) => {
    const run = logical[index]!;
    const rtl = run.level % 2 === 1;
    const runChars = chars.slice(run.start, run.end + 1).filter((char) => !BIDI_CONTROL.test(char));
    const logicalText = runChars.join('');
    // fontkit (and resvg) lay out, and mirror, a run with Arabic letters themselves; a right-to-left run
    // without them (a bracket, a dash) is reversed and mirrored here.
    const drawn =
      rtl && !hasRtlLetters(logicalText)
        ? chars
            .slice(run.start, run.end + 1)
            .map((char, k) => mirrored.get(unitOf[run.start + k]!) ?? char)
            .filter((char) => !BIDI_CONTROL.test(char))
            .reverse()
            .join('')
        : logicalText;
    return { text: drawn, face: run.face, rtl: rtl && hasRtlLetters(logicalText) };
  });
}

/** The characters of the text that no embedded face has a glyph for (they would print as boxes). */
export function missingGlyphs(text: string): string[] {
  return [...new Set([...text])].filter(
    (char) =>
      !/\s/u.test(char) &&
      !BIDI_CONTROL.test(char) &&
      !FALLBACK.some((face) => fontOf(face).hasGlyphForCodePoint(char.codePointAt(0)!)),
  );
}

/**
 * A right-to-left run with its brackets and quotation marks swapped for their mirror images (UAX #9
 * rule L4), for pdfkit: fontkit reverses an Arabic run but does not mirror (resvg does, so the PNG
 * gets the run as it is).
 */
export const mirroredForPdf = (text: string): string =>
  [...text].map((char) => bidi.getMirroredCharacter(char) ?? char).join('');

/**
 * A run drawn as outlines, shaped by fontkit exactly as pdfkit shapes it in the PDF (resvg's own shaper
 * misplaces Devanagari vowel signs), as one SVG path `d` with its left end at x and baseline at y.
 */
export function runOutline(run: TextRun, weight: FontName, size: number, x: number, y: number): string {
  const font = fontOf(run.face, weight);
  const scale = size / font.unitsPerEm;
  const { glyphs, positions } = font.layout(run.rtl ? mirroredForPdf(run.text) : run.text);
  let pen = x;
  return glyphs
    .map((glyph, i) => {
      const at = positions[i]!;
      const d = glyph.path
        .scale(scale, -scale)
        .translate(pen + at.xOffset * scale, y - at.yOffset * scale)
        .toSVG();
      pen += at.xAdvance * scale;
      return d;
    })
    .join('');
}
