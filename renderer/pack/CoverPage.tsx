/** The pack's first page: title, organisation, date, logo, and what the pack presents. */
import { MEETING_KIND_LABELS } from '../../shared/cadence/types';
import type { PackContent } from '../../shared/pack/content';
import type { PackInput } from '../../shared/pack/types';
import { Heading } from './Heading';

function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function CoverPage({
  input,
  content,
  last,
}: {
  readonly input: PackInput;
  readonly content: PackContent;
  readonly last: boolean;
}) {
  const { settings } = input;
  const review = input.review?.review;
  return (
    <section
      className={`pack-page pack-cover${last ? ' pack-page--last' : ''}`}
      aria-label="Cover"
      data-page={1}
    >
      <div className="pack-cover__band" />
      <div className="pack-cover__body">
        {settings.logo && (
          <img
            className="pack-cover__logo"
            src={settings.logo.dataUrl}
            alt={settings.organisation.trim() ? `${settings.organisation} logo` : 'Logo'}
          />
        )}
        {settings.organisation.trim() !== '' && (
          <p className="pack-cover__organisation">{settings.organisation}</p>
        )}
        <Heading level={1} className="pack-cover__title">
          {settings.title}
        </Heading>
        <p className="pack-cover__subtitle">
          {content.portfolioName}
          {content.scenario ? ` · Scenario “${content.scenario.name}”` : ''}
        </p>
        {review && (
          <p className="pack-cover__subtitle">
            {MEETING_KIND_LABELS[review.kind]}
            {review.date !== settings.date ? ` of ${longDate(review.date)}` : ''}
            {review.time ? ` at ${review.time}` : ''}
          </p>
        )}
        <p className="pack-cover__date">{longDate(settings.date)}</p>
      </div>
      <p className="pack-cover__foot">
        Prepared with Baton from the portfolio as it stood on {settings.date}.
        {settings.sections.includes('appendix') ? ' The appendix holds the decision record.' : ''}
      </p>
    </section>
  );
}
