// The event-time picture of session windows and of Flink's allowed lateness: at a fixed seed
// and instant its counts (sessions open / fired / accepting late / closed, watermark, late
// events) equal what `bslab run --at T --event-time` prints; the rule for which keys' sessions
// are drawn is said under the picture with each column's key; "why this number?" of a session
// lists the events behind it; the Spark vs Flink preset shows windows still accepting late
// events (hatched, with its legend) and offers its side output as CSV. Screenshots at
// 1920×1080 and 1024×768 in both languages go to screenshots/event-time-<preset>-<lang>-<size>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launch, openPage, assertNoProblems, gotoApp, waitSettled, hashConfig, cliEventTimeCounts, SCREENSHOTS, trackedBrowsers, pageHash,
} from './helpers.mjs';

const CASES = [
  // [preset, instant, sessions drawn]
  ['sales-sessions', 90 * 60_000, true],
  ['web-traffic-sessions', 60 * 60_000, true],
  ['late-data-spark-vs-flink', 40 * 60_000, false],
];
const LANGS = [
  ['en', 'en-US', /^Session windows: each key has its own sessions/, /hatched: fired, still accepting late events/, /accepting late/],
  ['pt', 'pt-BR', /^Janelas de sessão: cada chave tem as suas sessões/, /hachurada: já disparou e ainda aceita eventos atrasados/, /aceitando atrasados/],
];
const KEYS = ['arrived', 'drawn', 'late', 'open', 'fired', 'accepting', 'closed', 'watermark'];

const browsers = trackedBrowsers();

for (const [lang, locale, ruleRe, acceptingLegendRe, acceptingCountRe] of LANGS) {
  test(`sessions and late firings on the event-time picture in ${locale}`, async () => {
    const browser = await launch({ viewport: { width: 1920, height: 1080 }, locale });
    browsers.push(browser);
    const { page, problems } = await openPage(browser.context);
    for (const [preset, tMs, sessions] of CASES) {
      await gotoApp(page, `/?${preset}`);
      await page.getByTestId('preset').selectOption(preset);
      await waitSettled(page);
      const hash = await pageHash(page);
      await gotoApp(page, `/?${preset}-at${hash}&t=${tMs}`);
      await waitSettled(page);

      const counts = page.getByTestId('picture-counts');
      const shown = {};
      for (const k of KEYS) shown[k] = Number(await counts.getAttribute(`data-${k}`));
      const cli = cliEventTimeCounts(hashConfig(hash), tMs);
      assert.deepEqual(shown, {
        arrived: cli.arrived, drawn: cli.drawn, late: cli.late, open: cli.open, fired: cli.fired,
        accepting: cli.accepting, closed: cli.closed, watermark: cli.watermark_ms,
      }, `${preset}: the picture shows what bslab run reports`);
      assert.ok(shown.open + shown.fired + shown.accepting + shown.closed > 0, `${preset}: windows counted`);

      const rule = page.getByTestId('picture-sessions');
      if (sessions) {
        assert.match(await rule.innerText(), ruleRe, `${preset}: the rule is said`);
        const keys = Number(await rule.getAttribute('data-keys'));
        assert.ok(keys >= 1 && keys <= 6, `${preset}: 1 to 6 keys drawn, ${keys}`);
        assert.match(await rule.innerText(), new RegExp(`#${keys} = `), 'each column named');
        // Why this session's streaming value: focus an event, ask about its row.
        const canvas = page.getByTestId('event-time-canvas');
        await canvas.scrollIntoViewIfNeeded();
        await canvas.focus();
        await page.keyboard.press('Home');
        let listed = 0;
        for (let i = 0; i < 40 && listed === 0; i += 1) {
          await page.keyboard.press('ArrowRight');
          await page.getByTestId('event-readout').getByRole('button').first().click();
          const why = page.getByTestId('why');
          await why.waitFor();
          listed = await why.locator('li').count();
        }
        assert.ok(listed > 0 && listed <= 20, `${preset}: a session's events are listed, ${listed}`);
      } else {
        assert.equal(await rule.count(), 0, `${preset}: no session rule without sessions`);
        assert.ok(shown.accepting > 0, `${preset}: windows still accepting late events`);
        assert.match(await counts.innerText(), acceptingCountRe);
        assert.match(await page.locator('.et-legend').innerText(), acceptingLegendRe);
        // The side output as CSV: the documented header, one row per event sent there.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('csv-late_side_output').click(),
        ]);
        assert.equal(download.suggestedFilename(), 'bslab-late_side_output.csv');
        const [header, ...rows] = readFileSync(await download.path(), 'utf8').trim().split('\n');
        assert.equal(header, 'event_id,group,action,event_time_ms,arrival_time_ms,side_output_ms,watermark_ms,amount_cents');
        assert.ok(rows.length > 0, 'events sent to the side output');
      }

      for (const [w, h] of [[1920, 1080], [1024, 768]]) {
        await page.setViewportSize({ width: w, height: h });
        await page.waitForTimeout(300);
        const close = page.getByTestId('params-close');
        if (await close.isVisible()) await close.click();
        await page.evaluate(() => {
          const top = document.querySelector('[data-testid=event-time]').getBoundingClientRect().top;
          const header = document.querySelector('.top')?.getBoundingClientRect().height ?? 0;
          window.scrollBy(0, top - header - 8);
        });
        await page.screenshot({ path: join(SCREENSHOTS, `event-time-${preset}-${lang}-${w}x${h}.png`) });
      }
      await page.setViewportSize({ width: 1920, height: 1080 });
    }
    assertNoProblems(problems);
  });
}
