import { INITIATIVE_STATUSES } from '../../shared/portfolio/types';
import { STATUS_LABELS } from './labels';

/** The options of a filter by status: any status, then each status by name. */
export function StatusOptions() {
  return (
    <>
      <option value="all">Any status</option>
      {INITIATIVE_STATUSES.map((status) => (
        <option key={status} value={status}>
          {STATUS_LABELS[status]}
        </option>
      ))}
    </>
  );
}
