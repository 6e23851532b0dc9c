/**
 * The XLSX worker in real Chromium, built by Vite with the renderer's own config (its plugins,
 * resolve and worker settings) and served under the app's Content-Security-Policy: a page that
 * holds only `renderer/exchange/xlsx-client.ts` reads the fixture workbook, writes one and reads
 * it back, keeps the window responsive while it reads 5,000 rows, and cancels a read. Every
 * response also carries the desktop app's CSP as an HTTP header, which (unlike the page's meta
 * tag) governs the worker too: exceljs must run without `unsafe-eval`.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/protocol';
import type { XlsxReadResult } from '../../shared/exchange/xlsx';
import { CHROMIUM_ARGS, chromiumPath } from './support/browser';
import { startStaticServer, type StaticServer } from './support/server';
import { buildXlsxProbe, type ProbeBuild } from './support/xlsx-probe';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let probe: ProbeBuild | undefined;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  probe = await buildXlsxProbe();
  server = await startStaticServer(probe.dist);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A CSP refusal is an error here. The probe page has no icon: the browser's request for
    // one (a 404) is not the worker's doing.
    if (message.type() === 'error' && !message.text().includes('404')) errors.push(message.text());
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__xlsx !== undefined);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await probe?.remove();
});

describe('the XLSX worker in Chromium', () => {
  it('is a worker chunk of its own that holds exceljs, apart from the page script', async () => {
    const assets = await readdir(join(probe?.dist ?? '', 'assets'));
    const worker = assets.find((name) => name.startsWith('xlsx.worker-'));
    expect(worker).toBeDefined();
    const entry = assets.find((name) => name.startsWith('index-'));
    const pageScript = await readFile(join(probe?.dist ?? '', 'assets', entry ?? ''), 'utf8');
    expect(pageScript).not.toMatch(/ExcelJS/);
    expect(pageScript.length).toBeLessThan(20_000);
  });

  it('reads the fixture workbook: merged headers, formula results, dates, warnings', async () => {
    const bytes = [...(await readFile(join(ROOT, 'test/fixtures/import/initiatives-merged.xlsx')))];
    const { result, progress } = await page.evaluate(async (list) => {
      const fractions: number[] = [];
      const read = await window.__xlsx.readXlsxInWorker(new Uint8Array(list), (fraction) =>
        fractions.push(fraction),
      );
      return { result: read, progress: fractions };
    }, bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tables.map((table) => table.name)).toEqual(['Portfolio 2027', 'Capacity']);
    expect(result.tables[0]?.rows[0]?.slice(0, 5)).toEqual([
      'Initiative',
      'Initiative',
      'Initiative',
      'Demand (FTE)',
      'Demand (FTE)',
    ]);
    expect(result.tables[0]?.rows[2]).toEqual([
      'crm',
      'CRM renewal',
      'Ana',
      2,
      1.5,
      100,
      200,
      300,
      '2027-01-15',
    ]);
    expect(result.warnings[0]).toMatchObject({ sheet: 'Portfolio 2027', row: 5 });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('writes a workbook and reads it back; the window stays responsive on 5,000 rows', async () => {
    const outcome = await page.evaluate(async () => {
      const rows = Array.from({ length: 5000 }, (_, index) => [
        `i-${index}`,
        `Initiative ${index}`,
        index * 1.5,
        index % 7 === 0 ? '=SUM(A1)' : 'ok',
      ]);
      const bytes = await window.__xlsx.writeXlsxInWorker([
        { name: 'initiatives', header: ['id', 'name', 'value', 'note'], rows },
      ]);
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      // The page counts animation frames while the worker reads: a frozen window counts none.
      let frames = 0;
      let reading = true;
      const tick = (): void => {
        frames += 1;
        if (reading) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const started = performance.now();
      const read: XlsxReadResult = await window.__xlsx.readXlsxInWorker(bytes);
      const ms = performance.now() - started;
      reading = false;
      observer.disconnect();
      return { size: bytes.length, read, ms, frames, longest: Math.max(0, ...longTasks) };
    });
    expect(outcome.read.ok).toBe(true);
    if (!outcome.read.ok) return;
    const rows = outcome.read.tables[0]?.rows ?? [];
    expect(rows).toHaveLength(5001);
    expect(rows[1]).toEqual(['i-0', 'Initiative 0', 0, "'=SUM(A1)"]);
    expect(rows[5000]).toEqual(['i-4999', 'Initiative 4999', 7498.5, 'ok']);
    // Headless Chromium paints about every 16 ms; a main thread blocked by the read paints none.
    expect(outcome.frames).toBeGreaterThan(outcome.ms / 100);
    expect(outcome.longest).toBeLessThan(200);
  });

  it('cancels a read when its signal aborts, and reads again after', async () => {
    const outcome = await page.evaluate(async () => {
      const bytes = await window.__xlsx.writeXlsxInWorker([
        {
          name: 'initiatives',
          header: ['id'],
          rows: Array.from({ length: 3000 }, (_, i) => [`r${i}`]),
        },
      ]);
      const controller = new AbortController();
      const pending = window.__xlsx.readXlsxInWorker(bytes, undefined, controller.signal);
      controller.abort();
      let name = '';
      try {
        await pending;
      } catch (error) {
        name = (error as DOMException).name;
      }
      const again = await window.__xlsx.readXlsxInWorker(bytes);
      return { name, againOk: again.ok };
    });
    expect(outcome).toEqual({ name: 'AbortError', againOk: true });
  });

  it('answers with a problem, not a throw, for a file that is not a workbook', async () => {
    const result = await page.evaluate(() =>
      window.__xlsx.readXlsxInWorker(new TextEncoder().encode('id,name\ncrm,CRM\n')),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(/not an XLSX workbook/);
    expect(errors).toEqual([]);
  });
});
