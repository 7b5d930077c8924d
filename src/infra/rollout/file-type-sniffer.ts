import JSZip from 'jszip';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Magic numbers of the types we accept and of the ones people most often try by mistake. */
const signatures: [string, number[], number?][] = [
  ['pdf', ascii('%PDF-')],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', ascii('GIF8')],
  ['webp', ascii('WEBP'), 8],
  ['exe', ascii('MZ')],
  ['elf', [0x7f, 0x45, 0x4c, 0x46]],
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PPTX_MAIN = 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';

/** Which Office Open XML document a zip is, by its parts and declared content type; "zip" otherwise. */
async function officeType(bytes: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return 'zip';
  }
  const contentTypes = await zip.file('[Content_Types].xml')?.async('string');
  if (contentTypes && zip.file('ppt/presentation.xml')) {
    // A macro-enabled deck (.pptm) declares another main type: it is refused, as its macros could run.
    return contentTypes.includes(PPTX_MAIN) ? 'pptx' : 'pptm';
  }
  if (contentTypes && zip.file('word/document.xml')) return 'docx';
  if (contentTypes && zip.file('xl/workbook.xml')) return 'xlsx';
  return 'zip';
}

/**
 * Names a file's type from its content: "pdf", "png", "jpeg" or "pptx" for the accepted types, otherwise
 * what it looks like ("gif", "docx", "zip", "html", "exe"…) or "unknown". The file name is never consulted.
 */
export async function sniffFileType(bytes: Uint8Array): Promise<string> {
  for (const [type, signature, offset] of signatures) {
    if (type === 'webp' && !startsWith(bytes, ascii('RIFF'))) continue;
    if (startsWith(bytes, signature, offset)) return type;
  }
  if (startsWith(bytes, ZIP)) return officeType(bytes);
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return 'unknown';
}
