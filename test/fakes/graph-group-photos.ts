import type { IncomingHttpHeaders } from 'node:http';
import { type Answer, error } from './graph-answer';

/** Graph's limit on a profile photo's size (4 MB). */
const MAX_PHOTO_BYTES = 4 * 1024 * 1024;

/**
 * `PUT /groups/{id}/photo/$value` of the loopback Graph: keeps each group's photo bytes and type, refuses
 * what Graph refuses (no such group, not a picture type, empty or over 4 MB), and can claim the group
 * does not exist yet a number of times, as Entra does while a new group replicates.
 */
export class GraphGroupPhotos {
  readonly photos = new Map<string, { contentType: string; bytes: Buffer }>();
  /** How many more photo PUTs should be answered 404 as if the new group had not replicated. */
  replicationDelays = 0;

  /** The answer to a photo request, or undefined when the request is not one. */
  route(
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    bytes: Buffer,
    groupExists: (id: string) => boolean,
  ): Answer | undefined {
    const match = /^\/groups\/([^/]+)\/photo\/\$value$/.exec(path);
    if (!match || method !== 'PUT') return undefined;
    const id = decodeURIComponent(match[1]!);
    if (this.replicationDelays > 0 || !groupExists(id)) {
      if (this.replicationDelays > 0) this.replicationDelays--;
      return { status: 404, body: error('Request_ResourceNotFound', `Resource '${id}' does not exist.`) };
    }
    const contentType = String(headers['content-type'] ?? '');
    if (!/^image\/(jpeg|png)$/.test(contentType))
      return { status: 400, body: error('ErrorInvalidImage', `Unsupported content type "${contentType}".`) };
    if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES)
      return { status: 400, body: error('ErrorInvalidImage', 'The photo is empty or larger than 4 MB.') };
    this.photos.set(id, { contentType, bytes });
    return { status: 200 };
  }
}
