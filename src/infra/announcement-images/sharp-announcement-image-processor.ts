import sharp from 'sharp';
import { AnnouncementInvalid } from '../../domain/announcements/announcement.errors';
import type { AnnouncementImageProcessor } from '../../domain/announcements/announcement-image';
import { MAX_PHOTO_PIXELS } from '../group-photos/sharp-photo-processor';
import { sniffFileType } from '../rollout/file-type-sniffer';

/**
 * Announcement pictures through sharp (libvips), as group photos go: the type by the bytes, decoding
 * bounded in pixels, turned upright, fitted inside a square, written anew without metadata (a
 * picture with transparency stays PNG, any other becomes JPEG).
 */
export class SharpAnnouncementImageProcessor implements AnnouncementImageProcessor {
  sniff(bytes: Uint8Array): Promise<string> {
    return sniffFileType(bytes);
  }

  async reencode(bytes: Uint8Array, side: number) {
    try {
      const image = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', animated: false })
        .rotate()
        .resize(side, side, { fit: 'inside', withoutEnlargement: true });
      const { hasAlpha } = await image.metadata();
      const { data, info } = hasAlpha
        ? await image.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true })
        : await image.jpeg({ quality: 85, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      return {
        bytes: new Uint8Array(data),
        contentType: hasAlpha ? ('image/png' as const) : ('image/jpeg' as const),
        width: info.width,
        height: info.height,
      };
    } catch (error) {
      throw new AnnouncementInvalid(
        'ANNOUNCEMENT_IMAGE_UNREADABLE',
        'That picture could not be read; it may be damaged. Try another one.',
        { reason: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200) },
      );
    }
  }
}
