import { execFile } from 'node:child_process';

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
