/**
 * Teams deep links (documented format): a chat with the Convene bot (`28:` + its app id), with an
 * optional message ready in the compose box. One place spells them.
 */
export function botChatLink(botAppId: string, message?: string): string {
  const query = new URLSearchParams({ users: `28:${botAppId}` });
  if (message) query.set('message', message);
  return `https://teams.microsoft.com/l/chat/0/0?${query}`;
}
