/** The kinds of file an org admin may add to the rollout resources, decided by content, never by name. */
export const RESOURCE_TYPES = ['pdf', 'png', 'jpeg', 'pptx'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const resourceMediaTypes: Readonly<Record<ResourceType, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const extensions: Readonly<Record<ResourceType, string>> = {
  pdf: 'pdf',
  png: 'png',
  jpeg: 'jpg',
  pptx: 'pptx',
};

/** Big enough for a slide deck with photos, small enough to keep on every instance's disk. */
export const MAX_RESOURCE_BYTES = 25 * 1024 * 1024;
export const RESOURCE_TITLE_MAX_LENGTH = 120;

/** A file an org admin added for their organisation's rollout (a local poster, a deck for the activation desk). */
export interface RolloutResource {
  id: string;
  organisationId: string;
  title: string;
  /** The name it downloads as; its extension always matches the detected type. */
  fileName: string;
  type: ResourceType;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export const isResourceType = (value: string): value is ResourceType =>
  (RESOURCE_TYPES as readonly string[]).includes(value);

/**
 * A download name that is safe in a header and on any file system: no folders, no control or reserved
 * characters, and the extension of the detected type (a PNG named "deck.pdf" downloads as "deck.png").
 */
export function safeFileName(raw: string, type: ResourceType): string {
  const base =
    raw
      .split(/[\\/]/)
      .pop()!
      .replace(/[\p{Cc}<>:"|?*]/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .replace(/^\.+/, '')
      .slice(0, 100)
      .trim() || 'resource';
  return `${base}.${extensions[type]}`;
}

/** The title shown in the tab: what the admin typed, or the file name without its extension. */
export function resourceTitle(title: string | undefined, fileName: string): string {
  const typed = (title ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return typed || fileName.replace(/\.[^.]+$/, '');
}
