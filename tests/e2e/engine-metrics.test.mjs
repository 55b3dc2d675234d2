// The streaming pipeline's metrics under Spark's and Flink's names: the five Spark UI charts
// and the latest StreamingQueryProgress (micro-batch mode), the worker pools' busy /
// backpressured / idle time on the diagram, the run-summary table; in both languages, at
// 1024×768 and 1920×1080 (screenshots in screenshots/engine-metrics-*.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, assertNoProblems, gotoApp, waitSettled, SCREENSHOTS, trackedBrowsers, pageHash } from './helpers.mjs';

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
];
const LANGS = [
  ['en', 'en-US', 'Input rate vs process rate'],
  ['pt', 'pt-BR', 'Taxa de entrada vs taxa de processamento'],
];

const browsers = trackedBrowsers();

/** busy + backpressured + idle of one pool, as the diagram's data attributes hold them. */
async function poolTotal(pool) {
  const [b, p, i] = await Promise.all(['busy', 'backpressured', 'idle'].map((a) => pool.getAttribute(`data-${a}`)));
  return Number(b) + Number(p) + Number(i);
}

for (const [lang, locale, ratesTitle] of LANGS) {
  test(`Spark and Flink metrics in ${locale}`, async () => {
    const browser = await launch({ viewport: VIEWPORTS[0], locale });
    browsers.push(browser);
    const { page, problems } = await openPage(browser.context);
    await gotoApp(page, '/?metrics');
    await page.getByTestId('preset').selectOption('streaming-falls-behind');
    await waitSettled(page);
    const duration = Number(await page.getByTestId('run-state').getAttribute('data-duration'));
    const hash = await pageHash(page);
    await gotoApp(page, `/?metrics-at${hash}&t=${Math.round(duration * 0.35)}`);
    await waitSettled(page);

    const metrics = page.getByTestId('spark-metrics');
    assert.match(await metrics.innerText(), new RegExp(ratesTitle));
    for (const id of ['rates', 'duration', 'watermark-gap', 'dropped', 'state']) {
      const paths = page.getByTestId(`chart-spark-${id}`).locator('path[data-series]');
      const d = await paths.first().getAttribute('d');
      assert.ok(d && d.length > 20, `chart-spark-${id} draws a line`);
    }
    // The latest progress is Spark's object: its fields, and a batch id among those run.
    const progress = JSON.parse(await page.getByTestId('spark-progress').locator('pre').innerText());
    for (const field of ['batchId', 'numInputRows', 'inputRowsPerSecond', 'processedRowsPerSecond']) {
      assert.equal(typeof progress[field], 'number', field);
    }
    assert.match(progress.eventTime.watermark, /^1970-01-01T\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(progress.stateOperators[0].operatorName, 'stateStoreSave');
    // Flink's three times add up to 1,000 ms per second, for each pool.
    for (const pool of ['pool-source', 'pool-workers']) {
      assert.equal(await poolTotal(page.getByTestId(pool)), 1000, pool);
    }
    // 35 % in, the spike overloads the workers: busy most of the time, the source held back.
    const workersBusy = Number(await page.getByTestId('pool-workers').getAttribute('data-busy'));
    const sourceHeld = Number(await page.getByTestId('pool-source').getAttribute('data-backpressured'));
    assert.ok(workersBusy > 500, `workers busy ${workersBusy} ms/s`);
    assert.ok(sourceHeld > 0, `source backpressured ${sourceHeld} ms/s`);
    assert.ok((await page.getByTestId('engine-names').innerText()).includes('Flink'));

    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(200);
      // Under 1200 px the parameters open over the page: closed, as a teacher would.
      if (await page.getByTestId('params-close').isVisible() && viewport.width < 1200) {
        await page.getByTestId('params-close').click();
      }
      const size = `${viewport.width}x${viewport.height}`;
      for (const [part, testid] of [['diagram', 'panel-streaming'], ['charts', 'chart-spark-rates'], ['progress', 'spark-progress'], ['summary', 'engine-names']]) {
        await page.getByTestId(testid).scrollIntoViewIfNeeded();
        await page.waitForTimeout(150);
        await page.screenshot({ path: join(SCREENSHOTS, `engine-metrics-${part}-${size}-${lang}.png`) });
      }
    }
    assertNoProblems(problems);
  });
}
