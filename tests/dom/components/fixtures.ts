/** Hand-built notes for the component tests. */
import type { IdentifiedArticle, NoteView } from '../../../lib/core/notes';

export const article: IdentifiedArticle = {
  id: 'nyt-2015-09-16-pledge',
  datasetId: 'counterpoint-seed',
  outlet: 'The New York Times',
  outletId: 'nyt',
  title: 'China tries to extract pledge of compliance from US tech firms',
  how: 'url',
};

export const claimNote: NoteView = {
  key: 'counterpoint-seed/pledge/nyt-claim-1',
  claim: 'nyt-claim-1',
  dispute: 'pledge',
  topic: 'The tech pledge',
  side: 'claim',
  quotes: [{ exact: 'pledge of compliance' }],
  counters: [
    {
      outlet: 'Global Times',
      outletId: 'globaltimes',
      articleTitle: 'NYT report on tech pledge groundless',
      published: '2015-09-19',
      stance: 'disputes',
      summary: 'No such pledge was asked of US firms.',
      attribution: {
        text: 'An official of a related government department who asked for anonymity',
        type: 'official',
        named: false,
      },
      link: null,
    },
  ],
};

export const responseNote: NoteView = {
  key: 'counterpoint-seed/pledge/gt-response-1',
  claim: 'gt-response-1',
  dispute: 'pledge',
  topic: 'The tech pledge',
  side: 'response',
  quotes: [{ exact: 'groundless' }],
  counters: [
    {
      outlet: 'The New York Times',
      outletId: 'nyt',
      articleTitle: 'China tries to extract pledge of compliance from US tech firms',
      published: '2015-09-16',
      stance: 'reported',
      summary: 'China asked US tech firms to sign a pledge.',
      attribution: { text: 'Documents seen by the newspaper', type: 'document', named: true },
      link: 'https://www.nytimes.com/x.html#:~:text=abc',
    },
  ],
};

export function withSummary(note: NoteView, summary: string): NoteView {
  return { ...note, counters: note.counters.map((counter) => ({ ...counter, summary })) };
}
