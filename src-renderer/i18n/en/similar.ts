import type { similarId } from '../id/similar';

export const similarEn: { readonly [K in keyof typeof similarId]: string } = {
  'similar.title': 'Similar earlier answers',
  'similar.count': '{n} closed consultations with a similar need',
  'similar.closedAt': 'closed {when}',
  'similar.use': 'Use as draft',
  'similar.more': 'More',
  'similar.less': 'Less',
  'similar.show': 'Show',
  'similar.hide': 'Hide',
};
