/** A piece of written rollout material: plain text in sections, rendered to Markdown, HTML and PDF. */
export interface GuideSection {
  heading: string;
  paragraphs?: string[];
  /** Numbered: things to do in order. */
  steps?: string[];
  /** Unordered: advice, rules, examples. */
  bullets?: string[];
}

export type GuideId = 'employee-guide' | 'champ-guidelines' | 'activation-desk-faq';

export interface Guide {
  id: GuideId;
  title: string;
  audience: 'employees' | 'champs' | 'desk staff';
  summary: string;
  sections: GuideSection[];
}
