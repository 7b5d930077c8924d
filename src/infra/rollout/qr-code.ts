import QRCode from 'qrcode';

/** A QR code's modules: `dark(x, y)` for 0 <= x, y < size. */
export interface QrMatrix {
  size: number;
  dark(x: number, y: number): boolean;
}

/**
 * Encodes text (an invite link) as a QR code with medium error correction: it still scans from a
 * poster with a crease or a smudge, and stays small enough for a phone camera across a room.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (x, y) => Boolean(modules.get(y, x)) };
}

/** The dark modules as one SVG path in module units (origin at the top-left module). */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let y = 0; y < matrix.size; y++) {
    let x = 0;
    while (x < matrix.size) {
      if (!matrix.dark(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < matrix.size && matrix.dark(x, y)) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}

/** A standalone SVG of the code with its four-module quiet zone, for pages such as the slideshow. */
export function qrSvg(text: string, colour = '#000000'): string {
  const matrix = qrMatrix(text);
  const side = matrix.size + 8;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect x="-4" y="-4" width="${side}" height="${side}" fill="#ffffff"/>` +
    `<path d="${qrPath(matrix)}" fill="${colour}"/></svg>`
  );
}
