import type { AnnouncementCardContent } from './announcement-card-content';

/** The two kinds of card the queue carries: they share Teams' per-tenant budget. */
export type DeliveryKind = 'invite' | 'announcement';

/** One claimed delivery with everything the card and its address need. */
export interface Delivery {
  id: string;
  kind: DeliveryKind;
  /** An announcement's copy: what it says (absent for invites). */
  announcement?: AnnouncementCardContent;
  attempts: number;
  /** Set when an earlier worker died with this invite's request in flight. */
  interruptedSend: boolean;
  groupId: string;
  groupName: string;
  parentName: string | null;
  organisationTenantId: string | null;
  memberCount: number;
  membershipState: string | null;
  personId: string;
  personPhone: string | null;
  /** The e-mail address and employee id an admin gave, to find the person's account by. */
  personEmail: string | null;
  personEmployeeId: string | null;
  personName: string | null;
  personTenantId: string | null;
  personAadObjectId: string | null;
  /** The language the person's Teams last spoke to the bot in (`people.locale`); null when unknown. */
  personLocale?: string | null;
  inviterName: string | null;
  inviterTenantId: string | null;
}

/** Which delivery a write is about. */
export type DeliveryRef = Pick<Delivery, 'id' | 'kind'>;
