/** What the sender has written so far on the `announce` cards, carried from card to card as strings. */
export interface AnnounceDraft {
  groupId: string;
  groupName: string;
  scope: 'group' | 'group-tree';
  title: string;
  body: string;
  linkUrl: string;
  acknowledge: 'true' | 'false';
  /** Also post in the General channel of each target group's team. */
  postInChannel: 'true' | 'false';
  /** `YYYY-MM-DD` and `HH:MM` on the sender's clock, or empty (send now). */
  sendDate: string;
  sendTime: string;
  /** The sender's IANA time zone, as Teams reports their device's. */
  timeZone: string;
}

/** The cards' words in the sender's language, and the card's direction. */
export interface AnnounceCardWords {
  rtl: boolean;
  w: Record<string, string>;
}

/** The compose card. */
export interface AnnounceComposeCardData extends AnnounceDraft, AnnounceCardWords {}

/** The preview before sending, and the confirmation after (`sent`), with Cancel while it waits. */
export interface AnnouncePreviewCardData extends AnnounceDraft, AnnounceCardWords {
  sent: boolean;
  /** Set once sent or scheduled; the confirmation's Cancel button needs it. */
  announcementId: string;
  cancellable: boolean;
}
