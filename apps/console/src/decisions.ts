export type Decision = 'confirm' | 'dismiss' | 'escalate' | 'relabel';

/**
 * What each decision does to the seller, as the API applies it (libs/policy review-decision.ts): the
 * reviewer reads this before deciding. Keep it in step with that file.
 */
export const DECISIONS: Array<{ id: Decision; title: string; key: string; effect: string }> = [
  {
    id: 'confirm',
    title: 'Confirm',
    key: 'c',
    effect: 'Upholds the findings and any restriction they put on the listing; labels you add are applied. The seller always gets a statement of reasons naming the policy ground.',
  },
  {
    id: 'dismiss',
    title: 'Dismiss',
    key: 'd',
    effect: 'Clears the flag: labels the policy applied automatically are removed. The seller gets a notice when a label is removed, and always when this answers an appeal.',
  },
  {
    id: 'escalate',
    title: 'Escalate',
    key: 'e',
    effect: 'Hands the item to a senior reviewer. Nothing changes on the listing and the seller is not told yet.',
  },
  {
    id: 'relabel',
    title: 'Label / unlabel',
    key: 'l',
    effect: 'Applies and removes the labels you name. The seller gets a notice for every label change.',
  },
];

/** "a, b c" → ["a", "b", "c"]: labels are slugs, so commas and spaces both separate. */
export const labelList = (text: string) => text.split(/[\s,]+/).filter(Boolean);
