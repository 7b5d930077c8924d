/**
 * Teams deep links (documented format): a chat with the Convene bot (`28:` + its app id), with an
 * optional message ready in the compose box. One place spells them; values are percent-encoded
 * (Teams does not read `+` as a space).
 */
export function botChatLink(botAppId: string, message?: string): string {
  const users = `users=${encodeURIComponent(`28:${botAppId}`)}`;
  return `https://teams.microsoft.com/l/chat/0/0?${users}${message ? `&message=${encodeURIComponent(message)}` : ''}`;
}
