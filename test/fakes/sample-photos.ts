import sharp from 'sharp';

/** Real pictures made on the spot for the group photo tests: a gradient with a coloured block. */
export async function samplePhoto(
  format: 'png' | 'jpeg' | 'webp',
  options: { width?: number; height?: number; colour?: string } = {},
): Promise<Uint8Array> {
  const width = options.width ?? 800;
  const height = options.height ?? 500;
  const block = await sharp({
    create: {
      width: Math.floor(width / 3),
      height: Math.floor(height / 3),
      channels: 3,
      background: '#ffffff',
    },
  })
    .png()
    .toBuffer();
  const image = sharp({
    create: { width, height, channels: 3, background: options.colour ?? '#2f6fdf' },
  }).composite([{ input: block, left: Math.floor(width / 3), top: Math.floor(height / 3) }]);
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

/** A Windows executable's header, renamed to look like a picture. */
export const renamedExecutable = (): Uint8Array =>
  Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, ...new Array(120).fill(0)]);

/** An SVG with a script in it: a picture to the eye, a program to a browser. */
export const svgWithScript = (): Uint8Array =>
  new TextEncoder().encode(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
  );
