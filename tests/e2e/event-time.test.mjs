// The event-time picture tells the truth and can be read: at a fixed seed and instant its
// counts (events drawn, late marked, windows open / fired / closed, watermark) equal what
// `bslab run --at T --event-time` prints for the same config; keyboard focus reaches an
// event and reads it out; "why this number?" lists the events behind a window's value
// and behind the late count, and opens by keyboard for the batch's missed count and a
// latency percentile. Screenshots at 1920×1080 and 1024×768 in both languages go to
// screenshots/event-time-<lang>-<size>.png and (the answers) event-time-why-<lang>-<size>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  launch, openPage, assertNoProblems, gotoApp, waitSettled, hashConfig, cliEventTimeCounts, SCREENSHOTS, trackedBrowsers, pageHash,
} from './helpers.mjs';

const PRESET = 'late-data-watermark';
const T_MS = 20 * 60_000;
const LANGS = [
  ['en', 'en-US', /^Event \d+: happened at/, /Streaming: (read by micro-batch|dropped by micro-batch|waiting)/],
  ['pt', 'pt-BR', /^Evento \d+: aconteceu às/, /Streaming: (lido pelo micro-batch|descartado pelo micro-batch|esperando)/],
];

const browsers = trackedBrowsers();

for (const [lang, locale, readoutRe, fateRe] of LANGS) {
  test(`event-time picture in ${locale}: counts equal bslab run, keyboard read-out, why`, async () => {
    const browser = await launch({ viewport: { width: 1920, height: 1080 }, locale });
    browsers.push(browser);
    const { page, problems } = await openPage(browser.context);
    await gotoApp(page);
    await page.getByTestId('preset').selectOption(PRESET);
    await waitSettled(page);
    const hash = await pageHash(page);
    await gotoApp(page, `/?event-time${hash}&t=${T_MS}`);
    await waitSettled(page);
    assert.equal(Number(await page.getByTestId('run-state').getAttribute('data-t')), T_MS);

    const counts = page.getByTestId('picture-counts');
    const shown = {};
    for (const k of ['arrived', 'drawn', 'late', 'open', 'fired', 'closed', 'watermark']) {
      shown[k] = Number(await counts.getAttribute(`data-${k}`));
    }
    const cli = cliEventTimeCounts(hashConfig(hash), T_MS);
    assert.deepEqual(shown, {
      arrived: cli.arrived, drawn: cli.drawn, late: cli.late, open: cli.open,
      fired: cli.fired, closed: cli.closed, watermark: cli.watermark_ms,
    }, 'the picture shows what bslab run reports');
    assert.ok(shown.late > 0 && shown.drawn > 0, 'this preset has late events to show');

    // Keyboard: Tab-focusable canvas, End = newest event, ← one back: read out.
    const canvas = page.getByTestId('event-time-canvas');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    const readout = page.getByTestId('event-readout');
    const lines = (await readout.innerText()).split('\n').filter((l) => l.trim());
    assert.match(lines[0], readoutRe, 'the focused event is read out');
    assert.match(lines[1], fateRe, 'with its streaming fate');
    assert.equal(Number(await page.getByTestId('run-state').getAttribute('data-t')), T_MS,
      'arrow keys on the picture do not step the run');

    // Why this window's streaming value: the listed events are the first of those counted.
    await readout.getByRole('button').first().click();
    const why = page.getByTestId('why');
    await why.waitFor();
    const listed = await why.locator('li').count();
    assert.ok(listed <= 20, `at most 20 events listed, ${listed}`);
    // Why so many late events: the count in the button, the first ones listed.
    await counts.locator('button').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=why] p')?.textContent.includes(n),
      new Intl.NumberFormat(locale).format(shown.late));
    assert.equal(await why.locator('li').count(), Math.min(20, shown.late));

    // The batch's missed count and a latency percentile open by keyboard (focus, Enter).
    const head = () => why.locator('p').first().innerText();
    await page.getByTestId('why-batch-missed').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /missed|perdidos/.test(document.querySelector('[data-testid=why] p')?.textContent ?? ''));
    assert.match(await head(), /Batch/);
    await page.getByTestId('why-streaming-p99').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=why] p')?.textContent.includes('p99'));
    const ranked = await why.locator('li').allInnerTexts();
    assert.ok(ranked.length > 0 && ranked.length <= 20, `1 to 20 events ranked, ${ranked.length}`);
    assert.equal(ranked.filter((l) => l.startsWith('▶')).length, 1, 'the event that sets p99 is marked');
    const ranks = ranked.map((l) => Number(l.match(/#([\d.,]+)/)[1].replace(/[.,]/g, '')));
    assert.deepEqual(ranks, ranks.map((_, i) => ranks[0] + i), 'consecutive ranks, fastest first');

    for (const [w, h] of [[1920, 1080], [1024, 768]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      // Under 1200 px the parameter panel is a drawer over the page: closed, as a class sees it.
      if (w < 1200 && await page.locator('aside.params').count() > 0) await page.getByTestId('params-toggle').click();
      // The picture's top just under the sticky header.
      await page.evaluate(() => {
        const top = document.querySelector('[data-testid=event-time]').getBoundingClientRect().top;
        const header = document.querySelector('.top')?.getBoundingClientRect().height ?? 0;
        window.scrollBy(0, top - header - 8);
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${w}x${h}: no horizontal scroll`);
      await page.screenshot({ path: join(SCREENSHOTS, `event-time-${lang}-${w}x${h}.png`) });
      // The "why" buttons and the latency answer under the picture.
      await page.evaluate(() => {
        const top = document.querySelector('[data-testid=why-ask]').getBoundingClientRect().top;
        const header = document.querySelector('.top')?.getBoundingClientRect().height ?? 0;
        window.scrollBy(0, top - header - 8);
      });
      await page.screenshot({ path: join(SCREENSHOTS, `event-time-why-${lang}-${w}x${h}.png`) });
    }
    assertNoProblems(problems);
    await page.close();
  });
}
