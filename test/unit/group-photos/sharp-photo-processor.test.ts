import sharp from 'sharp';
import { SharpPhotoProcessor } from '../../../src/infra/group-photos/sharp-photo-processor';
import { renamedExecutable, samplePhoto, svgWithScript } from '../../fakes/sample-photos';

describe('reading and resizing a group photo', () => {
  const processor = new SharpPhotoProcessor();

  test.each([
    ['png', 'png'],
    ['jpeg', 'jpeg'],
    ['webp', 'webp'],
  ] as const)('when a %s arrives, then its type is read from its bytes', async (format, type) => {
    expect(await processor.sniff(await samplePhoto(format))).toBe(type);
  });

  test.each([
    ['a renamed executable', renamedExecutable(), 'exe'],
    ['an SVG with a script', svgWithScript(), 'svg'],
    ['plain text', new TextEncoder().encode('hello'), 'unknown'],
  ])('when %s arrives, then it is not taken for a picture', async (_name, bytes, type) => {
    expect(await processor.sniff(bytes)).toBe(type);
  });

  test('when a sideways camera JPEG with location data arrives, then it comes out upright, square and without metadata', async () => {
    // 400 × 200 stored, red on the left, with EXIF orientation 6 (shown turned a quarter clockwise, so
    // the red is on top) and a comment naming a place.
    const red = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    const sideways = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#0000ff' } })
      .composite([{ input: red, left: 0, top: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { ImageDescription: 'Lagos depot 6.45N 3.39E' } } })
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const out = await processor.squareJpeg(sideways, 648);
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 648, 648]);
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(out).includes('Lagos')).toBe(false);
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    expect(at(324, 20)[0]).toBeGreaterThan(200); // top: red
    expect(at(324, 628)[2]).toBeGreaterThan(200); // bottom: blue
  });

  test('when a small file would decode into more than 50 megapixels, then it is refused before decoding', async () => {
    const huge = await sharp({ create: { width: 7200, height: 7200, channels: 3, background: '#000000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(huge.byteLength).toBeLessThan(1024 * 1024);
    await expect(processor.squareJpeg(huge, 648)).rejects.toMatchObject({ code: 'PHOTO_UNREADABLE' });
  });

  test('when a PNG transparent in places arrives, then the transparent parts turn white', async () => {
    const clear = await sharp({
      create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const { data } = await sharp(await processor.squareJpeg(clear, 32))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(Math.min(...data)).toBeGreaterThan(240);
  });
});
