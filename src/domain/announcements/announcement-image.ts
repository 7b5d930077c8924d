import { AnnouncementInvalid } from './announcement.errors';

/** Where the public server serves a picture: its random id is the secret (Teams fetches it unsigned-in). */
export const announcementImagePath = (image: { path: string } | null): string | null =>
  image ? `/announcement-images/${image.path}` : null;

/** The largest picture accepted before re-encoding (a phone's camera photo fits). */
export const MAX_ANNOUNCEMENT_IMAGE_BYTES = 5 * 1024 * 1024;
/** The longest side once re-encoded: sharp on a phone, light on a card. */
export const ANNOUNCEMENT_IMAGE_SIDE = 1200;
export const ACCEPTED_IMAGE_TYPES = ['png', 'jpeg', 'webp'] as const;

/** A re-encoded picture, stored once, shown on every copy of the card. */
export interface AnnouncementImage {
  /** Random and unguessable: the secret part of its public address. */
  id: string;
  contentType: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
  createdBy: string;
  createdAt: string;
}

/** Reads pictures by their bytes and writes them anew (nothing uploaded is served as it came). */
export interface AnnouncementImageProcessor {
  /** The type by the bytes ("png", "jpeg", "webp", "exe", …, "unknown"): never by the file's name. */
  sniff(bytes: Uint8Array): Promise<string>;
  /** Decodes (bounded in pixels), turns upright, fits inside `side`, re-encodes without metadata. */
  reencode(
    bytes: Uint8Array,
    side: number,
  ): Promise<Pick<AnnouncementImage, 'bytes' | 'contentType' | 'width' | 'height'>>;
}

export const imageTooLarge = () =>
  new AnnouncementInvalid(
    'ANNOUNCEMENT_IMAGE_TOO_LARGE',
    `The picture is larger than ${MAX_ANNOUNCEMENT_IMAGE_BYTES / 1024 / 1024} MB; send a smaller one.`,
    { maxMegabytes: MAX_ANNOUNCEMENT_IMAGE_BYTES / 1024 / 1024 },
  );
