/** Reads pictures people send and turns them into the one stored form. */
export interface PhotoProcessor {
  /** The picture's type from its bytes ("png", "jpeg", "webp", or what else it looks like, or "unknown"). */
  sniff(bytes: Uint8Array): Promise<string>;
  /**
   * Decodes the picture (bounded in pixels), turns it upright, crops it to the centred square,
   * resizes it to `side` pixels and encodes it as JPEG without metadata. Throws `PhotoUnreadable`.
   */
  squareJpeg(bytes: Uint8Array, side: number): Promise<Uint8Array>;
}
