import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METRIC_USAGE_KEY, readMetricUsage } from '../../../../renderer/areas/metrics/metric-usage';
import { useAppStore } from '../../../../renderer/state/store';
import { withDialogPolyfill } from '../../dialog-polyfill';
import { MetricsHarness, REPORTED, SMALL, freezeToday, goTo, store, thawToday } from './support';

withDialogPolyfill();
configure({ asyncUtilTimeout: 4000 });

/** Mid-Q4: Q3 is over, so its figures are final. */
const MID_Q4 = '2026-10-15';

beforeEach(() => {
  freezeToday('en-GB', MID_Q4);
  window.localStorage.removeItem(METRIC_USAGE_KEY);
});

afterEach(() => {
  thawToday();
});

describe('the metrics dashboard', () => {
  it('shows at most ten numbers, each with its band in a word and opening its metric', async () => {
    await store(REPORTED);
    goTo({ metricsView: 'dashboard' });
    render(<MetricsHarness />);
    const tiles = await screen.findByRole('list', { name: 'Dashboard' });
    const links = within(tiles).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(10);
    const cpi = links.find((link) => link.getAttribute('data-metric') === 'cpi');
    expect(cpi).toHaveAttribute('href', '#/metrics/trends/cpi');
    // CPI = EV ÷ AC. EV = progress × BAC: Route 0.3 × €200,000 = €60,000 plus CRM 1 × €80,000
    // = €140,000; AC = €130,000 + €60,000 = €190,000; 140 ÷ 190 = 0.74, below 0.85: poor.
    expect(cpi).toHaveTextContent('0.74');
    expect(cpi).toHaveTextContent('Poor');
  });

  it('lists what to act on, naming the initiative behind each number out of band', async () => {
    await store(REPORTED);
    goTo({ metricsView: 'dashboard' });
    render(<MetricsHarness />);
    const section = await screen.findByRole('region', { name: 'What to act on' });
    const cpi = within(section).getByRole('link', { name: 'Cost performance (CPI)' });
    expect(cpi.closest('li')).toHaveTextContent(/Route optimisation overruns most/);
  });

  it('says what to enter when there are no actuals, and that the baseline is the current plan', async () => {
    await store(SMALL);
    goTo({ metricsView: 'dashboard' });
    render(<MetricsHarness />);
    expect(await screen.findByText('No actuals yet.')).toBeInTheDocument();
    expect(screen.getByText(/their committed plan is the current plan/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Enter actuals' }));
    expect(useAppStore.getState().location.metricsView).toBe('actuals');
    expect(await screen.findByRole('grid', { name: 'Actuals for Q4 2026' })).toBeInTheDocument();
  });
});

describe('the trends', () => {
  it('shows the metric with its definition, chart, suggested action and drill-down', async () => {
    await store(REPORTED);
    goTo({ metricsView: 'trends', metricId: 'cpi' });
    render(<MetricsHarness />);
    const article = await screen.findByRole('article', { name: 'Cost performance (CPI)' });
    expect(
      within(article).getByText(/^Earned value ÷ actual cost \(CPI = EV ÷ AC\)/),
    ).toBeInTheDocument();
    expect(within(article).getByText(/0.95 and above good/)).toBeInTheDocument();
    expect(
      within(article).getByRole('img', { name: /Cost performance \(CPI\)/ }),
    ).toBeInTheDocument();
    expect(within(article).getByRole('heading', { name: 'Suggested action' })).toBeInTheDocument();
    expect(
      within(article).getByText(/review its budget and scope with its owner/),
    ).toBeInTheDocument();

    const drill = within(article).getByRole('table', { name: 'What lies behind it, worst first' });
    const rows = within(drill).getAllByRole('row').slice(1);
    // Route optimisation: EV €60,000 ÷ AC €130,000 = 0.46, the lowest CPI: first.
    const first = rows[0] as HTMLElement;
    expect(within(first).getByRole('link', { name: 'Route optimisation' })).toHaveAttribute(
      'href',
      '#/portfolio/initiatives/route',
    );
    expect(first).toHaveTextContent('0.46');
    expect(
      within(article).getByRole('table', { name: /Earned value of the portfolio/ }),
    ).toBeInTheDocument();
  });

  it('records the metric opened, for the retire list, and moves between metrics', async () => {
    await store(REPORTED);
    goTo({ metricsView: 'trends', metricId: 'utilization' });
    render(<MetricsHarness />);
    await screen.findByRole('article', { name: 'Capacity utilization' });
    await waitFor(() => expect(readMetricUsage()).toEqual({ utilization: MID_Q4 }));
    expect(screen.getByRole('table', { name: /Each team and period/ })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Metrics' });
    expect(within(nav).getByRole('link', { current: 'page' })).toHaveTextContent(
      'Capacity utilization',
    );
    // The link changes the address; the app follows it into the store.
    goTo({ metricsView: 'trends', metricId: 'spi' });
    expect(
      await screen.findByRole('article', { name: 'Schedule performance (SPI)' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(readMetricUsage()).toEqual({ utilization: MID_Q4, spi: MID_Q4 }));
  });

  it('shows the chart as a table on demand', async () => {
    await store(REPORTED);
    goTo({ metricsView: 'trends', metricId: 'predictability' });
    render(<MetricsHarness />);
    const article = await screen.findByRole('article', { name: 'Predictability' });
    const user = userEvent.setup();
    await user.click(within(article).getByRole('button', { name: 'Show as table' }));
    const table = within(article).getByRole('table', { name: 'Predictability' });
    const q3 = within(table)
      .getByRole('rowheader', { name: 'Q3 2026' })
      .closest('tr') as HTMLElement;
    // The committed plan (the current one: no snapshot) schedules Route optimisation (value 80)
    // over Q3 and Q4, CRM revamp (50) in Q3 and Data lake (30) over Q3 and Q4. Planned value in
    // Q3: 80 × ½ + 50 × 1 + 30 × ½ = 105. Actual: Route 80 × 0.3 = 24, CRM 50 × 1 = 50, Data
    // lake 0: 74. 74 ÷ 105 = 70.5 %, below 80: poor.
    expect(q3).toHaveTextContent('70 %');
    expect(q3).toHaveTextContent('Poor');
  });
});
