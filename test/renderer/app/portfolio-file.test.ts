import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import { writePortfolio } from '../../../shared/portfolio/write';
import { readPortfolioFileText } from '../../../renderer/app/portfolio-file-client';
import { answer } from '../../../renderer/app/portfolio-file.worker';
import { generatePortfolio } from '../../bench/generate-portfolio';

const BIG = writePortfolio(
  generatePortfolio({ initiatives: 800, teams: 6, periods: 6, dependencyShare: 0.3, seed: 2 }),
);

describe('reading a portfolio file off the main thread', () => {
  it('answers what the file reader answers, for a good file and a refused one', () => {
    const broken = BIG.replace('"periods"', '"periodz"');
    for (const text of [BIG, broken, '{ not json']) {
      expect(answer({ type: 'read', text })).toEqual({
        type: 'read',
        result: readPortfolioText(text),
      });
    }
    expect(answer({ type: 'read', text: broken })).toMatchObject({ result: { ok: false } });
  });

  it('says so for a request it does not know', () => {
    expect(answer({ type: 'write' })).toMatchObject({ type: 'failed' });
    expect(answer(null)).toMatchObject({ type: 'failed' });
  });

  it('reads the file where no worker can run, with the same answer', async () => {
    expect(BIG.length).toBeGreaterThan(200_000);
    expect(await readPortfolioFileText(BIG)).toEqual(readPortfolioText(BIG));
    const small = writePortfolio(DEMO_PORTFOLIO);
    expect(await readPortfolioFileText(small)).toEqual(readPortfolioText(small));
  });
});
