/** The portfolio's name and units, its planning periods, and the budget per period. */
import { useId, useState } from 'react';
import { nextPeriod } from '../../../shared/portfolio/empty';
import { askUser } from '../../components/dialogs';
import { NumberField, TextField } from '../../components/fields';
import {
  appendPeriod,
  deletePeriod,
  renamePeriod,
  renamePortfolio,
  setBudgetEnabled,
  setPeriodBudget,
  setPeriodDate,
  setPortfolioUnit,
  type EditResult,
} from '../../db/edits';
import type { Portfolio } from '../../../shared/portfolio/types';
import { formatMoney, localToday } from '../../format';
import { useAppStore } from '../../state/store';
import { MAX_NAME_LENGTH } from '../../../shared/portfolio/limits';
import { describeProblem } from '../../../shared/portfolio/restore';

export function PeriodsBudgetTab({ portfolio }: { readonly portfolio: Portfolio }) {
  const notify = useAppStore((state) => state.notify);
  const [deleteResult, setDeleteResult] = useState<EditResult | null>(null);
  const budget = portfolio.budget;
  const lastPeriod = portfolio.periods[portfolio.periods.length - 1];

  const removeLast = async () => {
    if (!lastPeriod) return;
    const choice = await askUser({
      title: `Delete the period ${lastPeriod.label}?`,
      body: 'Its capacity and budget are deleted with it. You can undo this with Ctrl+Z.',
      actions: [
        { id: 'delete', label: 'Delete period', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'delete') return;
    const result = await deletePeriod(lastPeriod.id);
    setDeleteResult(result);
    if (result.ok) notify('success', `Deleted the period ${lastPeriod.label}.`);
  };

  return (
    <div className="panel panel--stack">
      <section className="card" aria-labelledby="portfolio-settings-title">
        <h3 id="portfolio-settings-title">Portfolio details</h3>
        <div className="field-row">
          <TextField
            label="Name"
            required
            maxLength={MAX_NAME_LENGTH}
            value={portfolio.name}
            onCommit={(name) =>
              renamePortfolio(name, {
                mergeKey: 'meta:name',
              })
            }
          />
          <TextField
            label="Currency"
            value={portfolio.currency ?? ''}
            maxLength={3}
            hint="ISO code, e.g. EUR, USD, GBP."
            onCommit={(currency) =>
              setPortfolioUnit('currency', currency, { mergeKey: 'meta:currency' })
            }
          />
          <TextField
            label="Capacity unit"
            value={portfolio.capacityUnit ?? ''}
            maxLength={MAX_NAME_LENGTH}
            hint="e.g. FTE, person-days, points."
            onCommit={(capacityUnit) =>
              setPortfolioUnit('capacityUnit', capacityUnit, { mergeKey: 'meta:capacityUnit' })
            }
          />
        </div>
      </section>

      <section className="card" aria-labelledby="periods-title">
        <div className="card__header">
          <h3 id="periods-title">Periods and budget</h3>
          <label className="switch">
            <input
              type="checkbox"
              checked={budget !== undefined}
              onChange={(event) => void setBudgetEnabled(event.target.checked)}
            />
            Limit spend with a budget per period
          </label>
        </div>
        {portfolio.periods.length === 0 ? (
          <div className="empty-state">
            <p className="empty-state__lead">No periods yet.</p>
            <p>Add the planning buckets, in time order; quarters are usual.</p>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="data-table data-table--grid">
              <caption className="visually-hidden">
                Planning periods in time order, with their budget
              </caption>
              <thead>
                <tr>
                  <th scope="col">Id</th>
                  <th scope="col">Label</th>
                  <th scope="col">Starts</th>
                  <th scope="col">Ends</th>
                  <th scope="col" className="num">
                    Budget {portfolio.currency ? `(${portfolio.currency})` : ''}
                  </th>
                </tr>
              </thead>
              <tbody>
                {portfolio.periods.map((period) => (
                  <tr key={period.id}>
                    <th scope="row">
                      <code>{period.id}</code>
                    </th>
                    <td>
                      <TextField
                        label={`Label of ${period.id}`}
                        hideLabel
                        required
                        maxLength={MAX_NAME_LENGTH}
                        value={period.label}
                        className="field--cell"
                        onCommit={(label) =>
                          renamePeriod(period.id, label, {
                            mergeKey: `period:${period.id}:label`,
                          })
                        }
                      />
                    </td>
                    {(['start', 'end'] as const).map((field) => (
                      <td key={field}>
                        <DateField
                          label={`${field === 'start' ? 'Start' : 'End'} of ${period.label}`}
                          value={period[field]}
                          onCommit={(value) => setPeriodDate(period.id, field, value)}
                        />
                      </td>
                    ))}
                    <td>
                      {budget ? (
                        <NumberField
                          label={`Budget in ${period.label}`}
                          hideLabel
                          optional
                          placeholder="no limit"
                          value={budget[period.id]}
                          className="field--cell"
                          onCommit={(value) =>
                            setPeriodBudget(period.id, value, { mergeKey: `budget:${period.id}` })
                          }
                        />
                      ) : (
                        <span className="muted">no budget limit</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
              {budget && (
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={4}>
                      Total budget
                    </th>
                    <td className="num total-cell">
                      {formatMoney(
                        Object.values(budget).reduce((sum, amount) => sum + amount, 0),
                        portfolio.currency,
                        false,
                      )}
                    </td>
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() =>
              void appendPeriod((last, taken) => nextPeriod(last, taken, localToday()))
            }
          >
            Add the next period
          </button>
          <button
            type="button"
            className="button"
            disabled={!lastPeriod}
            onClick={() => void removeLast()}
          >
            Delete the last period
          </button>
        </div>
        <p className="field__error" aria-live="polite">
          {deleteResult && !deleteResult.ok
            ? `The period cannot be deleted: ${deleteResult.problems[0] ? describeProblem(deleteResult.problems[0]).headline : 'it is still in use'}. Change that first.`
            : ''}
        </p>
      </section>
    </div>
  );
}

type DateFieldProps = {
  readonly label: string;
  readonly value: string | undefined;
  readonly onCommit: (value: string | undefined) => Promise<EditResult>;
};

/** A date stored when the user leaves the field or presses Enter, not at every keystroke. */
function DateField({ label, value, onCommit }: DateFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  const [result, setResult] = useState<EditResult | null>(null);
  if (value !== shown) {
    setShown(value);
    setDraft(value ?? '');
    setResult(null);
  }
  const store = async () => {
    if ((draft || undefined) === value) return;
    setResult(await onCommit(draft || undefined));
  };
  const refused = result && !result.ok ? (result.problems[0]?.message ?? 'Refused.') : null;
  return (
    <div className={`field field--cell${refused ? ' field--invalid' : ''}`}>
      <input
        type="date"
        aria-label={label}
        value={draft}
        aria-invalid={refused ? true : undefined}
        aria-describedby={refused ? `${id}-error` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void store()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void store();
        }}
      />
      <p id={`${id}-error`} className="field__error" aria-live="polite">
        {refused ?? ''}
      </p>
    </div>
  );
}
