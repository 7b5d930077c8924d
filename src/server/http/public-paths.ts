/** Paths anyone may open without signing in: posters and the slideshow, the join page and its image. */
const publicPrefixes = ['/rollout/', '/join/'];

/** Whether a path is one of the public pages (budgeted per address). */
export const isPublicPath = (path: string): boolean =>
  publicPrefixes.some((prefix) => path.startsWith(prefix));
