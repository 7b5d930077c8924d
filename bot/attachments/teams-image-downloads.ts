import type { Activity } from 'botbuilder';
import { MAX_PHOTO_UPLOAD_BYTES } from '../../src/domain/group-photos/group-photo';
import {
  PhotoAttachmentRefused,
  PhotoNotAttached,
  PhotoTooLarge,
} from '../../src/domain/group-photos/group-photo.errors';

/** Teams' content type for a file shared into the chat (a SharePoint or OneDrive link, not the bytes). */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface TeamsImageDownloadOptions {
  /** The bot's Bot Connector token (tenant mode); without it requests go unauthenticated (local mode). */
  token?: () => Promise<string>;
  /** Local mode: the Agents Playground's connector is plain http on loopback. */
  allowLoopbackHttp: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  /** The HTTP client (tests answer for the chat service's address). */
  fetch?: typeof fetch;
}

/**
 * Fetches a picture someone pasted into a chat with the bot. Teams sends it as an `image/*` attachment
 * whose `contentUrl` sits under the activity's `serviceUrl` (`…/v3/attachments/{id}/views/original`) and
 * needs the bot's token. The address comes from the message, which its sender shapes, so only that
 * service's own attachment addresses are fetched (the bot's token never goes anywhere else), redirects
 * are refused, and the download is cut off at the photo limit and after a timeout.
 */
export class TeamsImageDownloads {
  private readonly maxBytes: number;

  constructor(private readonly options: TeamsImageDownloadOptions) {
    this.maxBytes = options.maxBytes ?? MAX_PHOTO_UPLOAD_BYTES;
  }

  /** The message's picture, or a coded refusal saying what to send instead. */
  async download(activity: Partial<Activity>): Promise<Uint8Array> {
    const attachments = activity.attachments ?? [];
    const image = attachments.find(
      (a) =>
        typeof a.contentType === 'string' &&
        a.contentType.startsWith('image/') &&
        typeof a.contentUrl === 'string',
    );
    if (!image) {
      if (attachments.some((a) => a.contentType === FILE_DOWNLOAD_INFO))
        throw new PhotoAttachmentRefused('file');
      throw new PhotoNotAttached();
    }
    const url = this.trusted(image.contentUrl!, activity.serviceUrl);
    const token = this.options.token ? await this.options.token() : undefined;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch {
      throw new PhotoAttachmentRefused('download');
    }
    if (!response.ok || !response.body) throw new PhotoAttachmentRefused('download');
    if (Number(response.headers.get('content-length') ?? 0) > this.maxBytes) {
      await response.body.cancel();
      throw new PhotoTooLarge(this.maxBytes);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > this.maxBytes) throw new PhotoTooLarge(this.maxBytes);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  /** The attachment's address if it is one of the chat service's own attachments; refused otherwise. */
  private trusted(contentUrl: string, serviceUrl: string | undefined): URL {
    let url: URL;
    let service: URL;
    try {
      url = new URL(contentUrl);
      service = new URL(serviceUrl ?? '');
    } catch {
      throw new PhotoAttachmentRefused('address');
    }
    const secure =
      url.protocol === 'https:' ||
      (this.options.allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    const basePath = service.pathname.endsWith('/') ? service.pathname : `${service.pathname}/`;
    if (
      !secure ||
      url.origin !== service.origin ||
      url.username !== '' ||
      url.password !== '' ||
      !url.pathname.startsWith(`${basePath}v3/attachments/`)
    )
      throw new PhotoAttachmentRefused('address');
    return url;
  }
}
