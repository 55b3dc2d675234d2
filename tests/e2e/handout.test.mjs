// End-to-end: `?view=print`, the A4 handout of an experiment, printed to PDF by
// Chromium's own print (page.pdf) and drawn with the print stylesheet at A4 width for
// people to look at (screenshots/handout-a4-<lang>.png; the PDF is screenshots/handout-<lang>.pdf).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, assertNoProblems, gotoApp, waitSettled, SCREENSHOTS, trackedBrowsers, LOCALES, pageHash } from './helpers.mjs';

const browsers = trackedBrowsers();

for (const [lang, locale] of LOCALES) {
  test(`view=print in ${locale}: one A4 page with parameters, seed, charts, questions and a QR code`, async () => {
    const b = await launch({ viewport: { width: 794, height: 1123 }, locale });
    browsers.push(b);
    const { page, problems } = await openPage(b.context);
    await gotoApp(page, '/?handout');
    await page.getByTestId('preset').selectOption('late-data-watermark');
    await waitSettled(page);
    const hash = await pageHash(page);
    await page.goto(new URL(`/?view=print${hash}&t=3600000`, process.env.BSLAB_BASE_URL).href);
    await page.getByTestId('print-sheet').waitFor();
    await waitSettled(page);
    await page.getByTestId('print-qr').locator('svg').waitFor();
    const sheet = await page.getByTestId('print-sheet').innerText();
    assert.match(sheet, /42/, 'the seed');
    assert.match(sheet, /01:00:00/, 'the instant');
    assert.match(sheet, lang === 'pt' ? /Perguntas para a turma/ : /Questions for the class/);
    assert.ok(sheet.includes(hash) && !sheet.includes('view=print'), 'the link to the normal page');
    assert.equal(await page.locator('.app-header').isVisible(), false, 'no controls on paper');
    assert.ok(await page.getByTestId('chart-latency').isVisible(), 'the charts');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENSHOTS, `handout-a4-${lang}.png`), fullPage: true });
    const pdf = join(SCREENSHOTS, `handout-${lang}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const pages = (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, `one A4 page (${pages})`);
    assertNoProblems(problems);
  });
}
