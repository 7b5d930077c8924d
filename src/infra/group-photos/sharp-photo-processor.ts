import sharp from 'sharp';
import { PhotoUnreadable } from '../../domain/group-photos/group-photo.errors';
import type { PhotoProcessor } from '../../domain/group-photos/photo-processor.port';
import { sniffFileType } from '../rollout/file-type-sniffer';

/** Pixels a picture may have before decoding is refused: a 50-megapixel camera fits, a decompression bomb does not. */
export const MAX_PHOTO_PIXELS = 50_000_000;

/** Group photos through sharp (libvips): bounded decoding, upright, centre-cropped, JPEG without metadata. */
export class SharpPhotoProcessor implements PhotoProcessor {
  sniff(bytes: Uint8Array): Promise<string> {
    return sniffFileType(bytes);
  }

  async squareJpeg(bytes: Uint8Array, side: number): Promise<Uint8Array> {
    try {
      const output = await sharp(bytes, {
        limitInputPixels: MAX_PHOTO_PIXELS,
        failOn: 'error',
        animated: false,
      })
        .rotate()
        .resize(side, side, { fit: 'cover', position: 'centre' })
        // Transparent parts of a PNG or WebP become white, as they look on a card.
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 85, mozjpeg: true })
        .toBuffer();
      return new Uint8Array(output);
    } catch (error) {
      throw new PhotoUnreadable(error instanceof Error ? error.message : String(error));
    }
  }
}
