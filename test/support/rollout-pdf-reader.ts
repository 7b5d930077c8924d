import { execFile } from 'node:child_process';

/**
 * Reads a PDF's pages and text with pdf-parse (pdf.js). pdf.js loads its worker with a dynamic import,
 * which Jest's module sandbox refuses, so the reading happens in a plain Node child process.
 */
const script = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ pages: result.total, text: result.text }));
});`;

export function readPdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', script],
      { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`pdf-parse failed: ${stderr || error.message}`));
        const parsed = JSON.parse(stdout) as { pages: number; text: string };
        resolve({ pages: parsed.pages, text: parsed.text.replace(/\s+/g, ' ') });
      },
    );
    child.stdin!.end(Buffer.from(bytes));
  });
}
