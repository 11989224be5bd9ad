/** Wording for the dataset manager. No locale: the same text in every browser. */
import { formatDate } from '../format';
import type { OriginView, Schedule } from './types';

export const count = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as "19 Sep 2015, 14:05" in local time. */
export function formatMoment(ms: number): string {
  const date = new Date(ms);
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${formatDate(day)}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function originText(origin: OriginView): string {
  switch (origin.kind) {
    case 'builtin':
      return 'Built in';
    case 'file':
      return `Imported from the file ${origin.name}`;
    case 'url':
      return `Added from ${origin.url}`;
  }
}

export const SCHEDULE_LABELS: Record<Schedule, string> = { off: 'Never (only when I ask)', daily: 'Daily', weekly: 'Weekly' };

export const FORMAT_LABELS = { counterpoint: 'Counterpoint dataset', claimreview: 'schema.org ClaimReview', webannotation: 'W3C Web Annotation' } as const;

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
