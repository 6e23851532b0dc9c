/**
 * Stopping the optimizer in Chromium: the time from pressing Stop to the result on screen (with
 * the best plan kept), and whether the page stays responsive while the worker solves (the longest
 * main-thread task during a solve). Needs the built renderer and an installed Chromium.
 */
import { newProfile, openApp } from '../e2e/support/browser';
import { startStaticServer } from '../e2e/support/server';

const ROUNDS = 6;

const server = await startStaticServer();
const profile = await newProfile();
try {
  const { context, page } = await openApp(profile, `${server.url}#/prioritize/optimize`, {
    width: 1440,
    height: 1000,
  });
  await page.getByLabel('Time limit').selectOption({ label: '5 min' });
  // Notes when the worker answers or is ended, to time the stop itself apart from the drawing.
  await page.evaluate(`(() => {
    window.__ended = [];
    const listen = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (type, handler, options) {
      if (type !== 'message') return listen.call(this, type, handler, options);
      return listen.call(this, type, (event) => {
        if (event.data.type === 'done') window.__ended.push(performance.now());
        return handler(event);
      }, options);
    };
    const terminate = Worker.prototype.terminate;
    Worker.prototype.terminate = function () {
      window.__ended.push(performance.now());
      return terminate.call(this);
    };
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  })()`);
  const latencies: number[] = [];
  const stops: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await page.getByRole('button', { name: /^Optimize( again)?$/ }).click();
    await page
      .getByTestId('optimize-progress')
      .getByText(/best plan so far/)
      .waitFor();
    // Let the solver get deep into its search (after presolve and the first LPs).
    await page.waitForTimeout(1500 + round * 500);
    const [latency, stopped] = (await page.evaluate(`new Promise((resolve) => {
      const started = performance.now();
      window.__ended = [];
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="optimize-status"]')) {
          observer.disconnect();
          resolve([performance.now() - started, (window.__ended[0] ?? NaN) - started]);
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Stop').click();
    })`)) as [number, number];
    latencies.push(latency);
    stops.push(stopped);
    const text = await page.getByTestId('optimize-status').innerText();
    if (!/^Stopped after|^Proven best/.test(text)) throw new Error(`unexpected status: ${text}`);
  }
  const longest = (await page.evaluate('window.__longest')) as number;
  latencies.sort((a, b) => a - b);
  stops.sort((a, b) => a - b);
  console.log(
    `\nStop the optimizer (demo portfolio, in Chromium, ${ROUNDS} rounds): solver stopped after median ${stops[Math.floor(ROUNDS / 2)]?.toFixed(0)} ms, max ${stops.at(-1)?.toFixed(0)} ms; ` +
      `result with the best plan on screen after median ${latencies[Math.floor(ROUNDS / 2)]?.toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms; longest main-thread task while solving ${longest.toFixed(0)} ms`,
  );
  await context.close();
} finally {
  await profile.remove();
  await server.close();
}
