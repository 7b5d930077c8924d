import { sniffFileType } from '../../../src/infra/rollout/file-type-sniffer';
import {
  sampleDocx,
  sampleGif,
  sampleHtml,
  sampleJpeg,
  samplePdf,
  samplePng,
  samplePptx,
} from '../../fakes/rollout-files';

describe('reading a file’s type from its content', () => {
  test.each([
    ['a PDF', samplePdf, 'pdf'],
    ['a PNG', samplePng, 'png'],
    ['a JPEG', sampleJpeg, 'jpeg'],
    ['a PowerPoint deck', () => samplePptx(), 'pptx'],
    ['a macro-enabled deck', () => samplePptx({ macros: true }), 'pptm'],
    ['a Word document', sampleDocx, 'docx'],
    ['a GIF', sampleGif, 'gif'],
    ['an HTML page', sampleHtml, 'html'],
    ['a Windows program', () => new TextEncoder().encode('MZ\u0090\u0000rest of an exe'), 'exe'],
    ['plain text', () => new TextEncoder().encode('just some words'), 'unknown'],
  ])('when the file is %s, then it is read as %s', async (_what, make, expected) => {
    expect(await sniffFileType(await make())).toBe(expected);
  });

  test('when a zip is not an Office document, then it is a plain zip', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    expect(await sniffFileType(await zip.generateAsync({ type: 'uint8array' }))).toBe('zip');
  });
});
