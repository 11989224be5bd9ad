/**
 * The manager's live region: the progress of a long task and the outcome of the last action,
 * announced politely to screen readers. Problems are listed in full, one line each.
 */
import type { JobView, StatusView } from './types';

export function ProblemList({ lines, label }: { lines: readonly string[]; label: string }) {
  if (lines.length === 0) return null;
  return (
    <ul class="problems" aria-label={label}>
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

export function StatusRegion({ job, status }: { job: JobView | null; status: StatusView | null }) {
  return (
    <div class="status" role="status" aria-live="polite" aria-atomic="false">
      {job && (
        <div class="job">
          <label for="job-progress">
            {job.label}: {job.stage}
          </label>
          {job.fraction === null ? (
            <progress id="job-progress" max={100} />
          ) : (
            <progress id="job-progress" max={100} value={Math.round(job.fraction * 100)} />
          )}
        </div>
      )}
      {status && (
        <div class={`outcome ${status.tone}`} data-tone={status.tone}>
          <p>{status.text}</p>
          <ProblemList lines={status.lines} label={status.tone === 'error' ? 'Problems' : 'Details'} />
        </div>
      )}
    </div>
  );
}
