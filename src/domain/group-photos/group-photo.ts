/** The largest picture Convene takes before resizing it (a phone's camera photo fits). */
export const MAX_PHOTO_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Side of the square every group photo is resized to (Teams shows group pictures square, up to 648 px). */
export const PHOTO_SIDE = 648;
/** The picture types accepted, read from the bytes, never the file's name. */
export const PHOTO_TYPES = ['png', 'jpeg', 'webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const isPhotoType = (type: string): type is PhotoType =>
  (PHOTO_TYPES as readonly string[]).includes(type);

/** A group's picture as stored: always the resized JPEG, whatever was uploaded. */
export interface GroupPhoto {
  groupId: string;
  contentType: 'image/jpeg';
  bytes: Uint8Array;
  /** A strong validator of the bytes (part of their SHA-256), also what the tenant's copy is compared by. */
  etag: string;
  updatedBy: string;
  updatedAt: string;
  /** The etag last set as the Microsoft 365 group's photo; null while the tenant has not got this one. */
  tenantEtag: string | null;
}

export interface GroupPhotoRepository {
  find(groupId: string): Promise<GroupPhoto | undefined>;
  /** The etags of those of the groups that have a photo (lists and trees show a picture only for them). */
  etags(groupIds: readonly string[]): Promise<Map<string, string>>;
  save(photo: GroupPhoto): Promise<void>;
  /** Notes that the tenant's group now shows this photo (only if it is still the current one). */
  markSetInTenant(groupId: string, etag: string): Promise<void>;
}
