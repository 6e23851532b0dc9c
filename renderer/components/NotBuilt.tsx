import type { ReactNode } from 'react';

/** What NotBuilt says of an area: its name and what it is for, in a sentence. */
type PlannedArea = { readonly id: string; readonly label: string; readonly purpose: string };

/** An area that is planned but not built yet says so plainly. */
export function NotBuilt({
  info,
  children,
}: {
  readonly info: PlannedArea;
  /** What of the area already works, shown before the rest. */
  readonly children?: ReactNode;
}) {
  return (
    <section className="area area--empty" aria-labelledby="area-title">
      <h2 id="area-title">{info.label}</h2>
      <div className="empty-state">
        <p className="empty-state__lead">{info.label} is not built yet.</p>
        <p>
          When it is, it will hold: {info.purpose.charAt(0).toLowerCase() + info.purpose.slice(1)}
        </p>
        {children}
        <p>
          Until then, your initiatives, teams, capacity and budget are in{' '}
          <a href="#/portfolio/initiatives">Portfolio</a>.
        </p>
      </div>
    </section>
  );
}
