import { execFile } from 'node:child_process';
import jsQR from 'jsqr';
import type { PNG } from 'pngjs';

/**
 * Renders PDF pages to PNG with pdf-parse (pdf.js on @napi-rs/canvas), in a plain Node child process
 * for the same reason as `rollout-pdf-reader.ts`. `scale` 1 is 72 pixels per inch (one per PDF point).
 */
const script = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
const [scale, pages] = JSON.parse(process.argv[1]);
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const result = await parser.getScreenshot({ scale, partial: pages, imageBuffer: true, imageDataUrl: false });
  await parser.destroy();
  process.stdout.write(JSON.stringify(result.pages.map((p) => Buffer.from(p.data).toString('base64'))));
});`;

export function pdfPagesAsPng(
  bytes: Uint8Array,
  options: { scale: number; pages: number[] },
): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', script, JSON.stringify([options.scale, options.pages])],
      { cwd: process.cwd(), maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`pdf-parse failed: ${stderr || error.message}`));
        resolve((JSON.parse(stdout) as string[]).map((b) => Buffer.from(b, 'base64')));
      },
    );
    child.stdin!.end(Buffer.from(bytes));
  });
}

/** Decodes the QR code inside a box (in PDF points) of a page rendered at `scale`, with white around it. */
export function decodeQrIn(
  page: PNG,
  box: { x: number; y: number; width: number },
  scale: number,
): string | undefined {
  const pad = 8 * scale;
  const left = Math.floor(box.x * scale - pad);
  const top = Math.floor(box.y * scale - pad);
  const side = Math.ceil(box.width * scale + 2 * pad);
  const crop = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    const from = ((top + y) * page.width + left) * 4;
    crop.set(page.data.subarray(from, from + side * 4), y * side * 4);
  }
  return jsQR(crop, side, side)?.data;
}
