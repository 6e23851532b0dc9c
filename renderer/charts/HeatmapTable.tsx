/** The capacity heatmap as a table: every team's use of every period, in words. */
import type { Portfolio } from '../../shared/portfolio/types';
import { describeCell, type HeatmapModel } from './heatmap-model';

export function HeatmapTable({
  portfolio,
  model,
  caption,
  className,
}: {
  readonly portfolio: Portfolio;
  readonly model: HeatmapModel;
  readonly caption: string;
  readonly className?: string;
}) {
  return (
    <table className={className}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Team</th>
          {model.periods.map((period) => (
            <th key={period.id} scope="col">
              {period.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {model.rows.map((row) => (
          <tr key={`${row.kind}:${row.id}`}>
            <th scope="row">{row.name}</th>
            {row.cells.map((cell) => (
              <td
                key={cell.periodId}
                className={cell.status === 'over' ? 'chart-table__over' : undefined}
              >
                {describeCell(portfolio, row, cell)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
