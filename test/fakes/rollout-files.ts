import JSZip from 'jszip';
import { PNG } from 'pngjs';

/** Small real files of each kind, made on the spot, for the rollout upload tests. */

/** A 16×16 PNG; different seeds give different bytes. */
export function samplePng(seed = 1): Uint8Array {
  const png = new PNG({ width: 16, height: 16 });
  for (let i = 0; i < png.data.length; i++) png.data[i] = (i * seed * 37) % 256;
  return PNG.sync.write(png);
}

/** JPEG's start-of-image and JFIF header followed by filler: enough for a content check. */
export function sampleJpeg(): Uint8Array {
  const header = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01];
  return Uint8Array.from([...header, ...new Array(64).fill(0x20), 0xff, 0xd9]);
}

export const samplePdf = (): Uint8Array =>
  new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="${main}"/></Types>`;

/** The parts that make a zip a PowerPoint deck; `macros` makes it a .pptm instead. */
export async function samplePptx(options: { macros?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const main = options.macros
    ? 'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml'
    : 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';
  zip.file('[Content_Types].xml', contentTypes(main));
  zip.file(
    'ppt/presentation.xml',
    '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
  );
  return zip.generateAsync({ type: 'uint8array' });
}

export async function sampleDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
  );
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'uint8array' });
}

export const sampleGif = (): Uint8Array => new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000');

export const sampleHtml = (): Uint8Array =>
  new TextEncoder().encode('<!DOCTYPE html><html><script>alert(1)</script></html>');
