// Screenshots of each scenario's default preset, on a projector (1920×1080) and a laptop
// (1366×768), in both languages, written to screenshots/ (not committed). The language
// comes from the browser's (a fresh profile per language): the app's default. Each run is
// opened through its share link at 70% of its duration, so the pictures are reproducible.
// The test also checks what a screenshot cannot: no horizontal scroll, every text ≥ 14 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, assertNoProblems, gotoApp, waitSettled, SCREENSHOTS, fullPageShot, tinyTextIn, trackedBrowsers, pageHash } from './helpers.mjs';

// The default preset of each scenario of the engine.
const SCENARIOS = [
  ['sales', 'sales-daily-vs-live'],
  ['social', 'social-viral-post'],
  ['fraud', 'fraud-time-is-money'],
];
const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];
const LANGS = [
  ['en', 'en-US', 'Play'],
  ['pt', 'pt-BR', 'Iniciar'],
];

const browsers = trackedBrowsers();

for (const [lang, locale, playLabel] of LANGS) {
  test(`screenshots in ${locale}`, async () => {
    const browser = await launch({ viewport: VIEWPORTS[0], locale });
    browsers.push(browser);
    const { page, problems } = await openPage(browser.context);
    for (const [scenario, preset] of SCENARIOS) {
      await page.setViewportSize(VIEWPORTS[0]);
      await gotoApp(page, `/?${scenario}`);
      assert.match(await page.getByTestId('play').innerText(), new RegExp(playLabel), 'language from the browser');
      await page.getByTestId('preset').selectOption(preset);
      await waitSettled(page);
      const duration = Number(await page.getByTestId('run-state').getAttribute('data-duration'));
      const hash = await pageHash(page);
      await gotoApp(page, `/?${scenario}-at${hash}&t=${Math.round(duration * 0.7)}`);
      await waitSettled(page);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await page.waitForTimeout(150);
        const size = `${viewport.width}x${viewport.height}`;
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${preset} ${size}: no horizontal scroll`);
        const small = await tinyTextIn(page, 'body', { minPx: 14 });
        assert.deepEqual(small, [], `${preset} ${size}: readable text`);
        await page.screenshot({ path: join(SCREENSHOTS, `${preset}-${size}-${lang}.png`) });
        if (viewport.width === 1920) {
          await fullPageShot(page, join(SCREENSHOTS, `${preset}-${size}-${lang}-full.png`));
        }
      }
    }
    assertNoProblems(problems);
  });
}
