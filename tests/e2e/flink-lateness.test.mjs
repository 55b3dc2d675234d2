// Flink's late-data rules on the "Spark vs Flink" preset (per record, allowed lateness, side
// output): the lesson tells the student to switch the streaming mode to compare with Spark's
// rules; the parameter panel shows the three rules in the page's language; the event-time
// picture counts the events a fired window took late (amber plus signs) apart from the late
// ones (crosses). Screenshots at 1920×1080 and 1024×768 in both languages go to
// screenshots/late-data-spark-vs-flink-<size>-<lang>.png (and -picture- for the picture alone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, assertNoProblems, gotoApp, waitSettled, SCREENSHOTS, trackedBrowsers, pageHash } from './helpers.mjs';

const PRESET = 'late-data-spark-vs-flink';
const T_MS = 40 * 60_000;
const LANGS = [
  ['en', 'en-US', /Switch the streaming mode to micro-batch/, 'Allowed lateness', /^\+ \d+ late, window fired again$/, /late, window fired again \(plus\)/],
  ['pt', 'pt-BR', /Troque o modo do streaming para micro-batch/, 'Atraso permitido', /^\+ \d+ atrasados, janela disparada de novo$/, /atrasado, janela disparada de novo \(mais\)/],
];
const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
];

const browsers = trackedBrowsers();

for (const [lang, locale, lessonRe, latenessLabel, lateFiredRe, legendRe] of LANGS) {
  test(`Spark vs Flink preset in ${locale}: lesson, Flink's parameters, late firings drawn`, async () => {
    const browser = await launch({ viewport: VIEWPORTS[0], locale });
    browsers.push(browser);
    const { page, problems } = await openPage(browser.context);
    await gotoApp(page, '/?flink');
    await page.getByTestId('preset').selectOption(PRESET);
    await waitSettled(page);
    const hash = await pageHash(page);
    await gotoApp(page, `/?flink-at${hash}&t=${T_MS}`);
    await waitSettled(page);

    assert.match(await page.locator('body').innerText(), lessonRe, 'the lesson says how to compare');
    await page.getByText(latenessLabel, { exact: true }).first().waitFor({ state: 'visible' });
    const lateFired = page.getByTestId('picture-late-fired');
    const text = (await lateFired.innerText()).trim();
    assert.match(text, lateFiredRe);
    assert.ok(Number(text.replace(/\D/g, '')) > 0, text);
    assert.match(await page.locator('.et-legend').innerText(), legendRe, 'the legend explains the late-fired mark');
    const late = Number(await page.getByTestId('picture-counts').getAttribute('data-late'));
    assert.ok(late > 0, 'events later than the allowed lateness are counted too');

    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(200);
      // On a laptop the parameter panel is a drawer over the picture: closed for the screenshot.
      const close = page.getByTestId('params-close');
      if (await close.isVisible()) await close.click();
      const size = `${viewport.width}x${viewport.height}`;
      await page.screenshot({ path: join(SCREENSHOTS, `${PRESET}-${size}-${lang}.png`) });
      const picture = page.locator('.event-time').first();
      await picture.scrollIntoViewIfNeeded();
      await picture.screenshot({ path: join(SCREENSHOTS, `${PRESET}-picture-${size}-${lang}.png`) });
    }
    assertNoProblems(problems);
  });
}
