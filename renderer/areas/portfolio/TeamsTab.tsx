/** Teams and their capacity per period, as an editable grid with a total per team. */
import { askUser } from '../../components/dialogs';
import { NumberField, TextField } from '../../components/fields';
import {
  countTeamDemand,
  createTeam,
  deleteTeam,
  renameTeam,
  setTeamCapacity,
} from '../../db/edits';
import type { Portfolio } from '../../../shared/portfolio/types';
import { formatNumber } from '../../format';
import { useAppStore } from '../../state/store';
import { MAX_NAME_LENGTH } from '../../../shared/portfolio/limits';
import { describeProblem } from '../../../shared/portfolio/restore';

export function TeamsTab({ portfolio }: { readonly portfolio: Portfolio }) {
  const notify = useAppStore((state) => state.notify);
  const unit = portfolio.capacityUnit ?? 'units';

  const remove = async (teamId: string, name: string) => {
    const uses = countTeamDemand(teamId, portfolio.initiatives);
    const choice = await askUser({
      title: `Delete the team "${name}"?`,
      body:
        uses > 0
          ? `${uses} initiative${uses === 1 ? ' has' : 's have'} demand for ${name}; that demand is removed too. You can undo this with Ctrl+Z.`
          : 'No initiative needs this team. You can undo this with Ctrl+Z.',
      actions: [
        { id: 'delete', label: 'Delete team', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'delete') return;
    const result = await deleteTeam(teamId);
    notify(
      result.ok ? 'success' : 'error',
      result.ok
        ? `Deleted the team ${name}.`
        : result.problems[0]
          ? `Could not delete the team: ${describeProblem(result.problems[0]).headline}`
          : 'Could not delete.',
    );
  };

  return (
    <div className="panel">
      <div className="panel__intro">
        <p>
          What each team can give per period, in {unit}. An empty cell counts as no capacity. Every
          change is stored at once; Ctrl+Z undoes it.
        </p>
        <button type="button" className="button button--primary" onClick={() => void createTeam()}>
          Add team
        </button>
      </div>
      {portfolio.teams.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__lead">No teams yet.</p>
          <p>Add the teams whose capacity the portfolio draws on.</p>
        </div>
      ) : portfolio.periods.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__lead">No periods yet.</p>
          <p>Add planning periods in Periods &amp; budget first.</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--grid capacity-grid">
            <caption className="visually-hidden">Capacity per team and period ({unit})</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                {portfolio.periods.map((period) => (
                  <th key={period.id} scope="col" className="num">
                    {period.label}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">
                  <span className="visually-hidden">Delete</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {portfolio.teams.map((team) => (
                <tr key={team.id}>
                  <th scope="row">
                    <TextField
                      label={`Name of team ${team.id}`}
                      hideLabel
                      required
                      maxLength={MAX_NAME_LENGTH}
                      value={team.name}
                      className="field--cell"
                      onCommit={(name) =>
                        renameTeam(team.id, name, {
                          mergeKey: `team:${team.id}:name`,
                        })
                      }
                    />
                  </th>
                  {portfolio.periods.map((period) => (
                    <td key={period.id}>
                      <NumberField
                        label={`${team.name} capacity in ${period.label}`}
                        hideLabel
                        optional
                        value={team.capacity[period.id]}
                        className="field--cell"
                        onCommit={(value) =>
                          setTeamCapacity(team.id, period.id, value, {
                            mergeKey: `capacity:${team.id}:${period.id}`,
                          })
                        }
                      />
                    </td>
                  ))}
                  <td className="num total-cell">
                    {formatNumber(
                      portfolio.periods.reduce(
                        (sum, period) => sum + (team.capacity[period.id] ?? 0),
                        0,
                      ),
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={`Delete the team ${team.name}`}
                      onClick={() => void remove(team.id, team.name)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
