import type { Locale } from '../../i18n/locales';
import type { StandingTokens } from '../invites/standing-invite-link';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { SlipSheetSpec } from '../slips/slip';
import type { SlipTickets } from '../slips/slips.ports';
import type { Guide } from './content/guide';

export type PosterFormat = 'pdf' | 'png';

/** Everything a poster says; the renderer decides where it goes on the page. */
export interface PosterSpec {
  /** The language the poster speaks (its words are already in it; the table tent's fold line too). */
  locale?: Locale;
  /** The language's direction: an Arabic poster lays out right to left. */
  dir?: 'ltr' | 'rtl';
  /** The small line above the headline (the organisation, or "Convene"). */
  kicker: string;
  headline: string;
  intro: string;
  /** The steps to join, in order (three on every Convene poster). */
  steps: string[];
  /** The invite link as a QR code, with the words under it. */
  qr?: { url: string; caption: string };
  footer: string;
  /** The group's photo (its stored square JPEG), shown beside the headline. */
  photo?: { etag: string; jpeg: Uint8Array } | null;
}

/** Turns rollout material into printable and shareable files. */
export interface RolloutRenderer {
  /** A one-page A4 poster: PDF to print, PNG to share in the old consumer-app group. */
  poster(spec: PosterSpec, format: PosterFormat): Promise<Uint8Array>;
  /** A poster on an A4 table tent: folded across the middle, the poster at half size on both faces. */
  tableTentPdf(spec: PosterSpec): Promise<Uint8Array>;
  /** A guide as a printable PDF. */
  guidePdf(guide: Guide): Promise<Uint8Array>;
  /** Onboarding slips on A4 pages with cut lines, several to a page. */
  slipsPdf(sheet: SlipSheetSpec): Promise<Uint8Array>;
}

/** What the champ's kit card says: the guides' titles, summaries and sections, and who sent it. */
export interface ChampKitContent {
  groupName: string;
  champName: string | null;
  senderName: string | null;
  guides: Guide[];
  /** The champ's last known Teams language (a BCP 47 tag), for the card's own words; null: English. */
  locale?: string | null;
}

/** Who receives a proactive card: a Microsoft 365 person, by tenant and object id. */
export interface ChatRecipient {
  tenantId: string;
  aadObjectId: string;
}

/**
 * Sends a card into a person's 1:1 chat with the bot, the way invite cards reach people
 * (`no-chat`: Convene has never heard from them in Teams, so it knows no chat to write into).
 */
export interface ChampChats {
  sendKit(recipient: ChatRecipient, content: ChampKitContent): Promise<'sent' | 'no-chat'>;
}

/** Where the bytes of custom resources live (the rows live in the database). */
export interface ResourceFileStore {
  save(key: string, bytes: Uint8Array): Promise<void>;
  read(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

/**
 * What the rollout use cases need besides the database. `sniffFileType` names a file's type from its
 * first bytes and structure: one of the resource types, or what else it looks like ("gif", "zip", "docx",
 * "unknown").
 */
export interface RolloutContext extends DomainContext {
  files: ResourceFileStore;
  sniffFileType(bytes: Uint8Array): Promise<string>;
  render: RolloutRenderer;
  /** The address people use to reach Convene; invite links start with it. */
  publicBaseUrl(): string;
  /** Tokens of the groups' standing links (posters, templates, slideshow). */
  standingTokens: StandingTokens;
  /** Signs the bot's short-lived slips download links. */
  slipTickets: SlipTickets;
  /** Sends the champs' kit (guidelines and training) to a champ's chat. */
  champChats: ChampChats;
}

/** A generated or stored file, ready to download. */
export interface DownloadableFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}
