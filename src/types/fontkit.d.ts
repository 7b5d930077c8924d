/** The part of fontkit (pdfkit's font engine) that checks glyph coverage; it ships no types. */
declare module 'fontkit' {
  interface Font {
    familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
