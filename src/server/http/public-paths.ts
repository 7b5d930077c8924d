/**
 * Paths anyone may open without signing in: posters and the slideshow, the join page and its image, and
 * announcements' pictures (Teams fetches them for the card), the API's anonymous ask-to-join (the page's form has its own route under /join/).
 */
const publicPrefixes = ['/rollout/', '/join/', '/api/v1/invites/join-requests', '/announcement-images/'];

/** Whether a path is one of the public pages (budgeted per address). */
export const isPublicPath = (path: string): boolean =>
  publicPrefixes.some((prefix) => path.startsWith(prefix));
