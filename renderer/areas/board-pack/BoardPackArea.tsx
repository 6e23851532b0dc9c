/**
 * Board pack: the builder (sections and their order, title, organisation, date, logo, accent,
 * page size and orientation, the scenario presented) beside a live preview of the printed
 * pages, and the export: a PDF through the desktop app, or the browser's print window.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { previousHeldReview } from '../../../shared/cadence/calendar';
import { MEETING_KIND_LABELS, type Review, type Snapshot } from '../../../shared/cadence/types';
import { comparedScenario, packScenario } from '../../../shared/pack/content';
import { packMetrics, packNeedsMetrics } from '../../../shared/pack/metrics';
import { reviewPackContext } from '../../../shared/pack/review';
import { optimizedOrigin, readOptimizedFrom } from '../../../shared/pack/optimized';
import { finishedWorkshops } from '../../../shared/pack/workshop';
import {
  MAX_LOGO_BYTES,
  MAX_TITLE,
  defaultPackSettings,
  reviewPackSettings,
} from '../../../shared/pack/settings';
import {
  PACK_SECTIONS,
  REVIEW_SECTIONS,
  type PackInput,
  type PackReviewContext,
  type PackSectionId,
  type PackSettings,
} from '../../../shared/pack/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { portfolioFileName } from '../../../shared/portfolio/write';
import { askUser } from '../../components/dialogs';
import { formatMoney, formatNumber, localToday } from '../../format';
import { PackDocument, type PackLayout } from '../../pack/PackDocument';
import { getPlatform } from '../../platform';
import { loadSnapshot } from '../../db/snapshots';
import type { PackDraft } from '../../state/slices/packSlice';
import { useAppStore } from '../../state/store';
import { portfolioKey } from '../../../shared/optimize/portfolio-key';
import { packAnalysis } from '../../state/freeze';
import { SectionList } from './SectionList';
import './board-pack.css';

const ZOOMS = [0.5, 0.75, 1] as const;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** `Portfolio review 2026-11-26.pdf` from the pack's title and date. */
export function packFileName(settings: Pick<PackSettings, 'title' | 'date'>): string {
  const base = portfolioFileName(`${settings.title} ${settings.date}`).replace(
    /\.baton\.json$/,
    '',
  );
  return `${base || 'board-pack'}.pdf`;
}

/** What "What changed since the last review" compares with, in a sentence for the builder. */
function baselineSentence(context: PackReviewContext | undefined): string {
  if (!context) return '';
  if (!context.previous) return 'It is the first review held: there is no earlier snapshot.';
  if (!context.baseline) return context.baselineProblem ?? '';
  return `What changed is measured from the snapshot of “${context.previous.title}” (${context.previous.date}).`;
}

/** A workshop session as the builder lists it: its title and date. */
function sessionLabel(workshop: { readonly title: string; readonly date?: string }): string {
  return workshop.date ? `${workshop.title}, ${workshop.date}` : workshop.title;
}

/** The general draft's look (organisation, logo, colour, page), which a review's pack shares. */
function styleOf(draft: PackDraft): PackDraft {
  const { organisation, logo, accent, pageSize, orientation } = draft;
  return {
    ...(organisation !== undefined && { organisation }),
    ...(logo !== undefined && { logo }),
    ...(accent !== undefined && { accent }),
    ...(pageSize !== undefined && { pageSize }),
    ...(orientation !== undefined && { orientation }),
  };
}

/**
 * The snapshot of the review before `review`, read from the snapshot store: `undefined` while it
 * is read, `null` when there is none to read (no previous review, no snapshot id, not stored).
 */
function usePreviousSnapshot(
  portfolio: Portfolio,
  review: Review | undefined,
): Snapshot | null | undefined {
  const previous = review ? previousHeldReview(portfolio, review) : undefined;
  const id = previous?.snapshotId;
  const [loaded, setLoaded] = useState<{ id: string; snapshot: Snapshot | null } | null>(null);
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    loadSnapshot(id).then(
      (snapshot) => live && setLoaded({ id, snapshot: snapshot ?? null }),
      () => live && setLoaded({ id, snapshot: null }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (id === undefined) return null;
  return loaded?.id === id ? loaded.snapshot : undefined;
}

/**
 * Every stored snapshot the portfolio's reviews name, for the metrics section (each period's
 * committed plan): `undefined` while they are read, and nothing is read unless `wanted`.
 */
function useReviewSnapshots(
  portfolio: Portfolio,
  wanted: boolean,
): readonly Snapshot[] | undefined {
  const ids = useMemo(() => {
    const named = (portfolio.reviews ?? []).flatMap((review) =>
      review.snapshotId === undefined ? [] : [review.snapshotId],
    );
    return [...new Set(named)].join('\n');
  }, [portfolio.reviews]);
  const [loaded, setLoaded] = useState<{ ids: string; snapshots: Snapshot[] } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const list = ids === '' ? [] : ids.split('\n');
    Promise.all(list.map((id) => loadSnapshot(id).catch(() => undefined))).then(
      (found) =>
        live &&
        setLoaded({
          ids,
          snapshots: found.filter((snapshot): snapshot is Snapshot => snapshot !== undefined),
        }),
      () => live && setLoaded({ ids, snapshots: [] }),
    );
    return () => {
      live = false;
    };
  }, [ids, wanted]);
  if (!wanted) return [];
  return loaded?.ids === ids ? loaded.snapshots : undefined;
}

export function BoardPackArea({ portfolio }: { readonly portfolio: Portfolio }) {
  const generalDraft = useAppStore((state) => state.packDraft);
  const changeGeneral = useAppStore((state) => state.changePackDraft);
  const resetGeneral = useAppStore((state) => state.resetPackDraft);
  const reviewDraft = useAppStore((state) => state.reviewPackDraft);
  const changeReviewDraft = useAppStore((state) => state.changeReviewPackDraft);
  const resetReviewDraft = useAppStore((state) => state.resetReviewPackDraft);
  // `#/board-pack?review=<id>`: the pack for one review, its sections picked by its kind.
  const reviewId = useAppStore((state) => state.location.packReviewId);
  const review = reviewId ? portfolio.reviews?.find((item) => item.id === reviewId) : undefined;
  const snapshot = usePreviousSnapshot(portfolio, review);
  const reviewContext = useMemo(() => {
    if (!review || snapshot === undefined) return undefined;
    const made = reviewPackContext(portfolio, review.id, (id) =>
      snapshot?.id === id ? snapshot : undefined,
    );
    return made.ok ? made.context : undefined;
  }, [portfolio, review, snapshot]);
  const draft: PackDraft = useMemo(
    () =>
      review
        ? {
            ...styleOf(generalDraft),
            ...(reviewDraft?.reviewId === review.id ? reviewDraft.draft : {}),
          }
        : generalDraft,
    [review, generalDraft, reviewDraft],
  );
  const change = useCallback(
    (patch: PackDraft) => (review ? changeReviewDraft(review.id, patch) : changeGeneral(patch)),
    [review, changeReviewDraft, changeGeneral],
  );
  const reset = review ? resetReviewDraft : resetGeneral;
  const notify = useAppStore((state) => state.notify);
  const navigate = useAppStore((state) => state.navigate);
  // The scenario on the board (Prioritize's choice, the first one until one is chosen): the pack
  // presents what the room has been working on, with its ranking as stored now.
  const boardScenarioId = useAppStore((state) => state.location.scenarioId);
  const [today] = useState(() => localToday());
  const [logoError, setLogoError] = useState('');
  const [exporting, setExporting] = useState(false);
  const [layout, setLayout] = useState<PackLayout | null>(null);
  const [zoom, setZoom] = useState<(typeof ZOOMS)[number]>(0.75);

  const settings: PackSettings = useMemo(() => {
    const defaults = review
      ? reviewPackSettings(portfolio, review)
      : defaultPackSettings(portfolio, today);
    // A scenario chosen in an older draft is ignored: the pack follows the board.
    const { logo, scenarioId: _drafted, ...rest } = draft;
    const sections = (rest.sections ?? defaults.sections).filter((id) =>
      (PACK_SECTIONS as readonly string[]).includes(id),
    );
    const scenarioId = (
      portfolio.scenarios.find((s) => s.id === boardScenarioId) ?? portfolio.scenarios[0]
    )?.id;
    const compareWithId = portfolio.scenarios.some((s) => s.id === rest.compareWithId)
      ? rest.compareWithId
      : undefined;
    // A session chosen in an older draft that is gone (or no longer finished) falls back to the
    // latest finished one.
    const workshopId = finishedWorkshops(portfolio).some((w) => w.id === rest.workshopId)
      ? rest.workshopId
      : undefined;
    return {
      ...defaults,
      ...rest,
      title: rest.title?.trim() ? rest.title : defaults.title,
      sections: sections.length > 0 ? sections : defaults.sections,
      ...(logo && { logo }),
      ...(scenarioId ? { scenarioId } : { scenarioId: undefined }),
      ...(compareWithId ? { compareWithId } : { compareWithId: undefined }),
      ...(workshopId ? { workshopId } : { workshopId: undefined }),
    };
  }, [draft, portfolio, today, boardScenarioId, review]);

  const scenario = packScenario(portfolio, settings);
  const scenarioId = scenario?.id;
  const origin = optimizedOrigin(portfolio, scenario);
  const compared = comparedScenario(portfolio, {}, scenario);
  const analyses = useAppStore((state) => state.analyses);
  const key = useMemo(() => portfolioKey(portfolio), [portfolio]);
  const analysis = useMemo(
    () => packAnalysis(analyses, portfolio, scenario, key, new Date()),
    [analyses, portfolio, scenario, key],
  );
  // The metrics section's metrics, as of the pack's date, against the stored snapshots.
  const needsMetrics = packNeedsMetrics(portfolio, settings.sections);
  const snapshots = useReviewSnapshots(portfolio, needsMetrics);
  const metrics = useMemo(
    () =>
      snapshots === undefined
        ? undefined
        : packMetrics(portfolio, snapshots, { date: settings.date, sections: settings.sections }),
    [portfolio, snapshots, settings.date, settings.sections],
  );
  const input: PackInput = useMemo(
    () => ({
      portfolio,
      settings,
      ...(analysis && { analysis }),
      ...(reviewContext && { review: reviewContext }),
      ...(metrics && { metrics }),
    }),
    [portfolio, settings, analysis, reviewContext, metrics],
  );
  // A review's pack waits for the last review's snapshot before it is drawn, and a pack with
  // metrics for the snapshots they are measured against.
  const waiting = (review !== undefined && reviewContext === undefined) || snapshots === undefined;
  const preview = useDeferredValue(input);
  // The deferred preview may still be the input drawn while the snapshots were read.
  const previewStale = needsMetrics && preview.metrics === undefined;
  const onLaidOut = useCallback((next: PackLayout) => setLayout(next), []);

  const setSections = (sections: readonly PackSectionId[]) => change({ sections: [...sections] });

  const chooseLogo = async (file: File | undefined) => {
    if (!file) return;
    if (!/^image\/(png|jpeg|svg\+xml|webp|gif)$/.test(file.type)) {
      setLogoError(`${file.name} is not a PNG, JPEG, SVG, WebP or GIF image.`);
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setLogoError(`${file.name} is larger than 1 MB; choose a smaller image.`);
      return;
    }
    try {
      change({ logo: { name: file.name, dataUrl: await readAsDataUrl(file) } });
      setLogoError('');
    } catch (error) {
      setLogoError(`${file.name} could not be read: ${(error as Error).message}.`);
    }
  };

  const exportPack = async () => {
    setExporting(true);
    try {
      const platform = getPlatform();
      // The decision record says when the pack was made, not when the preview was drawn.
      const stamped: PackInput = input.analysis
        ? { ...input, analysis: { ...input.analysis, frozenAt: new Date().toISOString() } }
        : input;
      const saved = await platform.exportPack(stamped, packFileName(settings));
      if (saved && platform.kind === 'electron') {
        notify('success', `Board pack saved to ${saved.location}.`);
      } else if (saved) {
        notify('info', 'The pack is open in a new window: choose Save as PDF in its print dialog.');
      }
    } catch (error) {
      notify('error', `The board pack could not be made: ${(error as Error).message}`);
    } finally {
      setExporting(false);
    }
  };

  const desktop = getPlatform().kind === 'electron';
  const optimize = analysis?.optimize ?? readOptimizedFrom(scenario)?.result;
  const frontierMissing = !analysis?.frontier;
  const finished = finishedWorkshops(portfolio);
  const latest = finished[0];

  return (
    <section className="area pack-area" aria-labelledby="area-title">
      <div className="area__header">
        <h2 id="area-title">Board pack</h2>
        <p className="pack-area__count" role="status">
          {waiting
            ? snapshots === undefined
              ? 'Reading the snapshots the metrics are measured against…'
              : 'Reading the last review’s snapshot…'
            : !layout
              ? 'Laying out…'
              : layout.total === 0
                ? 'Nothing to print: choose a section (the frontier prints once it is computed)'
                : `${layout.total} ${layout.total === 1 ? 'page' : 'pages'}`}
        </p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void exportPack()}
          disabled={exporting || waiting || layout?.total === 0}
          aria-describedby="pack-export-hint"
        >
          {exporting ? 'Making the PDF…' : desktop ? 'Save as PDF…' : 'Print or save as PDF…'}
        </button>
        <p id="pack-export-hint" className="visually-hidden">
          {desktop
            ? 'Makes the PDF and asks where to save it.'
            : 'Opens the pack in a new window with the print dialog; choose Save as PDF there.'}
        </p>
      </div>
      {reviewId && (
        <div className="pack-area__review">
          {review ? (
            <>
              <p className="pack-area__review-title">Pack for {review.title}</p>
              <p className="field__hint">
                {MEETING_KIND_LABELS[review.kind]} on {review.date}
                {review.time ? ` at ${review.time}` : ''}. Its kind picks the sections; you can
                still change them. {baselineSentence(reviewContext)}
              </p>
            </>
          ) : (
            <p className="field__hint">
              This portfolio has no review “{reviewId}”: this is the general board pack.
            </p>
          )}
          <div className="pack-area__review-actions">
            {review && (
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => navigate({ area: 'cadence', reviewId: review.id })}
              >
                Back to the review
              </button>
            )}
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => navigate({ packReviewId: null })}
            >
              Make the general pack instead
            </button>
          </div>
        </div>
      )}
      <div className="pack-area__layout">
        <form className="pack-builder" onSubmit={(event) => event.preventDefault()}>
          <fieldset className="pack-builder__group">
            <legend>Content</legend>
            <label className="field">
              <span className="field__label">Scenario presented</span>
              <select
                value={scenarioId ?? ''}
                // One choice for the board and the pack: this one is the board's too.
                onChange={(event) => navigate({ scenarioId: event.target.value })}
                aria-describedby="pack-scenario-hint"
                disabled={portfolio.scenarios.length === 0}
              >
                {portfolio.scenarios.length === 0 && (
                  <option value="">File order (no scenario)</option>
                )}
                {portfolio.scenarios.map((scenario) => (
                  <option key={scenario.id} value={scenario.id}>
                    {scenario.name}
                  </option>
                ))}
              </select>
            </label>
            <p id="pack-scenario-hint" className="field__hint">
              The scenario on the board in Prioritize, with its ranking as it is now.
            </p>
            <label className="field">
              <span className="field__label">Compare with</span>
              <select
                value={settings.compareWithId ?? ''}
                onChange={(event) => change({ compareWithId: event.target.value || undefined })}
                disabled={portfolio.scenarios.length < 2}
              >
                <option value="">
                  {origin
                    ? `The one it was optimized from (${origin.name})`
                    : compared
                      ? `The scenario saved before it (${compared.name})`
                      : 'The scenario saved before it'}
                </option>
                {portfolio.scenarios
                  .filter((scenario) => scenario.id !== scenarioId)
                  .map((scenario) => (
                    <option key={scenario.id} value={scenario.id}>
                      {scenario.name}
                    </option>
                  ))}
              </select>
            </label>
            <p className="field__hint">
              {optimize
                ? `Optimizer result included: value ${formatNumber(optimize.objective, 0)}, ${
                    optimize.status === 'optimal'
                      ? 'proven best'
                      : optimize.status === 'infeasible'
                        ? 'the forced items cannot all be done'
                        : optimize.gap !== undefined
                          ? `within ${formatNumber(optimize.gap * 100, 1)}% of the best`
                          : 'not proven best'
                  }${optimize.spend ? `, ${formatMoney(optimize.spend, portfolio.currency)}` : ''}.`
                : 'No optimizer result for this scenario: run Prioritize › Optimize to freeze it into the appendix.'}
            </p>
            {latest && (
              <label className="field">
                <span className="field__label">Workshop session</span>
                <select
                  value={settings.workshopId ?? ''}
                  onChange={(event) => change({ workshopId: event.target.value || undefined })}
                  disabled={finished.length < 2}
                >
                  <option value="">The latest finished ({sessionLabel(latest)})</option>
                  {finished.slice(1).map((workshop) => (
                    <option key={workshop.id} value={workshop.id}>
                      {sessionLabel(workshop)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </fieldset>
          <fieldset className="pack-builder__group">
            <legend>Sections</legend>
            <SectionList
              chosen={settings.sections}
              onChange={setSections}
              notes={{
                ...(!review &&
                  Object.fromEntries(
                    REVIEW_SECTIONS.map((id) => [
                      id,
                      'Only in a pack made for a review: open a review in Cadence and choose Make the review pack.',
                    ]),
                  )),
                ...(frontierMissing && {
                  frontier: 'Not computed yet: compute it in Prioritize › Optimize.',
                }),
                ...(!latest && {
                  workshop:
                    'No workshop session has finished yet: the page says so in one line until one has.',
                }),
              }}
            />
          </fieldset>
          <fieldset className="pack-builder__group">
            <legend>Cover and style</legend>
            <label className="field">
              <span className="field__label">Title</span>
              <input
                type="text"
                maxLength={MAX_TITLE}
                value={draft.title ?? settings.title}
                onChange={(event) => change({ title: event.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">Organisation</span>
              <input
                type="text"
                maxLength={MAX_TITLE}
                value={settings.organisation}
                onChange={(event) => change({ organisation: event.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">Date</span>
              <input
                type="date"
                value={settings.date}
                onChange={(event) => change({ date: event.target.value || undefined })}
              />
            </label>
            <div className="field">
              <span className="field__label" id="pack-logo-label">
                Logo
              </span>
              <div className="pack-builder__logo">
                {settings.logo ? (
                  <>
                    <img src={settings.logo.dataUrl} alt="" />
                    <span>{settings.logo.name}</span>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() => change({ logo: null })}
                    >
                      Remove logo
                    </button>
                  </>
                ) : (
                  <input
                    type="file"
                    accept="image/png,image/jpeg,image/svg+xml,image/webp,image/gif"
                    aria-labelledby="pack-logo-label"
                    aria-describedby="pack-logo-error"
                    onChange={(event) => void chooseLogo(event.target.files?.[0])}
                  />
                )}
              </div>
              <p className="field__error" id="pack-logo-error" role="alert">
                {logoError}
              </p>
            </div>
            <label className="field field--inline">
              <span className="field__label">Accent colour</span>
              <input
                type="color"
                value={settings.accent}
                onChange={(event) => change({ accent: event.target.value })}
              />
            </label>
            <div className="field-row">
              <label className="field">
                <span className="field__label">Page size</span>
                <select
                  value={settings.pageSize}
                  onChange={(event) =>
                    change({ pageSize: event.target.value as PackSettings['pageSize'] })
                  }
                >
                  <option value="A4">A4</option>
                  <option value="Letter">Letter</option>
                </select>
              </label>
              <label className="field">
                <span className="field__label">Orientation</span>
                <select
                  value={settings.orientation}
                  onChange={(event) =>
                    change({ orientation: event.target.value as PackSettings['orientation'] })
                  }
                >
                  <option value="portrait">Portrait</option>
                  <option value="landscape">Landscape</option>
                </select>
              </label>
            </div>
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                void askUser({
                  title: 'Reset the board pack?',
                  body: review
                    ? 'Sections, title and date go back to what the review picks.'
                    : 'Sections, title, organisation, date, logo, colour and page go back to their defaults.',
                  actions: [
                    { id: 'cancel', label: 'Keep my choices' },
                    { id: 'reset', label: 'Reset', primary: true },
                  ],
                }).then((choice) => {
                  if (choice === 'reset') reset();
                })
              }
            >
              Reset to defaults
            </button>
          </fieldset>
        </form>
        <div className="pack-preview" aria-label="Print preview">
          <div className="pack-preview__bar">
            <span>Print preview</span>
            <label className="field--inline">
              <span>Zoom</span>
              <select
                value={zoom}
                onChange={(event) => setZoom(Number(event.target.value) as (typeof ZOOMS)[number])}
              >
                {ZOOMS.map((value) => (
                  <option key={value} value={value}>
                    {Math.round(value * 100)}%
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div
            className="pack-preview__pages"
            role="region"
            aria-label="Pages"
            // The pages scroll on their own: the keyboard must reach them too.
            tabIndex={0}
            style={{ '--preview-zoom': zoom } as React.CSSProperties}
          >
            {!waiting && !previewStale && (
              <PackDocument input={preview} onLaidOut={onLaidOut} headingShift={2} />
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
