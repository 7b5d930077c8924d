/** A Graph request (or a sub-request of a `$batch`) that answered with an error status. */
export class GraphRequestFailed extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'GraphRequestFailed';
  }
}
