// End-to-end: charts saved as pictures, at 1920×1080 in English then in Portuguese. One chart
// as PNG (twice its on-screen width, both pipelines drawn, not blank) and as SVG (well-formed,
// titled in the page's language), and "Save all" (every chart in one PNG). The pictures are
// made by the page's lazy module (src/bin/sweep-view.rs), not the page's own wasm, which
// carries none of the picture composing (checked below). The event-time picture (a canvas)
// is drawn again by the page at 2x and framed by the lazy module: saved as PNG and SVG at
// 1920×1080 and 1024×768 in both languages. Copies of the PNGs go to
// screenshots/picture-*.png to look at. "Save all" takes the comparison's charts only, not the Sweep view's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  sharedBrowser, openPage, assertNoProblems, gotoApp, setMaxSpeed, waitFinished, waitSettled, BASE_URL, SCREENSHOTS, pageHash,
} from './helpers.mjs';

const browser = sharedBrowser({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });

/** Clicks `testid` and returns the downloaded file's name and bytes. */
async function save(page, testid) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()), path: await download.path() };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Drawn in the page: the share of non-white pixels and whether each colour occurs. */
function inspect(page, bytes, colors) {
  return page.evaluate(async ({ b64, colors }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const rgb = colors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
    const found = colors.map(() => false);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) inked += 1;
      rgb.forEach((c, k) => {
        if (Math.abs(data[i] - c[0]) + Math.abs(data[i + 1] - c[1]) + Math.abs(data[i + 2] - c[2]) < 12) found[k] = true;
      });
    }
    return { inked: inked / (data.length / 4), found, corner: [...data.slice(0, 4)] };
  }, { b64: bytes.toString('base64'), colors });
}

// The two pipelines' colours (assets/style.css --batch and --streaming).
const PIPELINES = ['#E69F00', '#0072B2'];

test('a chart saves as a 2x PNG and as SVG, and "Save all" saves every chart in one PNG', async () => {
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('late-data-watermark');
  await waitSettled(page);
  await setMaxSpeed(page);
  await page.getByTestId('play').click();
  await waitFinished(page);
  await waitSettled(page);

  // The latency chart's title in each language (locales/en.toml, pt.toml: ChartLatency).
  for (const [lang, title] of [['en', /Result latency/], ['pt', /Latência do resultado/]]) {
    if (lang === 'pt') {
      await page.getByTestId('lang').click();
      await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
    }
    const suffix = lang === 'en' ? '' : `-${lang}`;
    const chart = page.getByTestId('chart-latency');
    await chart.scrollIntoViewIfNeeded();
    const onScreen = await chart.evaluate((f) => f.getBoundingClientRect().width);
    const png = await save(page, 'png-chart-latency');
    assert.equal(png.name, 'bslab-chart-latency.png');
    const size = pngSize(png.bytes);
    assert.ok(Math.abs(size.width - 2 * onScreen) <= 1, `2x the on-screen width ${onScreen}: ${size.width}`);
    assert.ok(size.height > size.width / 2 && size.height < size.width, `title, plot and legend: ${size.height}`);
    let look = await inspect(page, png.bytes, PIPELINES);
    assert.deepEqual(look.corner, [255, 255, 255, 255], 'white background');
    assert.ok(look.inked > 0.02, `not blank: ${look.inked}`);
    assert.deepEqual(look.found, [true, true], 'both pipelines drawn');
    copyFileSync(png.path, join(SCREENSHOTS, `picture-chart-latency${suffix}.png`));

    const svg = await save(page, 'svg-chart-latency');
    assert.equal(svg.name, 'bslab-chart-latency.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, text: doc.documentElement.textContent };
    }, svg.bytes.toString('utf-8'));
    assert.equal(parsed.error, null, 'well-formed SVG');
    assert.match(parsed.text, title);

    const all = await save(page, 'save-all');
    assert.equal(all.name, 'bslab-charts.png');
    const allSize = pngSize(all.bytes);
    assert.ok(allSize.width >= 4 * onScreen, `two charts a row at 2x: ${allSize.width}`);
    assert.ok(allSize.height >= 2.5 * size.height, `three rows of charts: ${allSize.height}`);
    look = await inspect(page, all.bytes, PIPELINES);
    assert.ok(look.inked > 0.02, `not blank: ${look.inked}`);
    assert.deepEqual(look.found, [true, true], 'both pipelines drawn');
    copyFileSync(all.path, join(SCREENSHOTS, `picture-all${suffix}.png`));
  }
  assertNoProblems(problems);
  await page.close();
});

// The event-time picture's colours (src/event_time/layout.rs EVENT, LATE; canvas.rs WATERMARK).
const PICTURE_MARKS = ['#2563AA', '#D53E0F', '#7A1FA2'];

test('the event-time picture saves as a PNG drawn again at 2x and as SVG, in both languages and sizes', async () => {
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await page.getByTestId('preset').selectOption('late-data-watermark');
  await waitSettled(page);
  const hash = await pageHash(page);
  await gotoApp(page, `/?event-time${hash}&t=${20 * 60_000}`);
  await waitSettled(page);

  for (const [lang, title] of [['en', /Event time vs arrival time/], ['pt', /Tempo do evento × tempo de chegada/]]) {
    // The language chosen last (by the test above) is remembered: switch only if needed.
    const isPt = () => page.evaluate(() => document.documentElement.lang === 'pt-BR');
    if ((await isPt()) !== (lang === 'pt')) {
      await page.getByTestId('lang').click();
      await page.waitForFunction((pt) => (document.documentElement.lang === 'pt-BR') === pt, lang === 'pt');
    }
    for (const [w, h] of [[1920, 1080], [1024, 768]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      // Under 1200 px the parameter panel is a drawer over the page: closed, as a class sees it.
      if (w < 1200 && await page.locator('aside.params').count() > 0) await page.getByTestId('params-toggle').click();
      const canvas = page.getByTestId('event-time-canvas');
      await canvas.scrollIntoViewIfNeeded();
      const onScreen = await canvas.evaluate((c) => ({ width: c.getBoundingClientRect().width, height: c.getBoundingClientRect().height }));
      const png = await save(page, 'png-event-time');
      assert.equal(png.name, 'bslab-event-time.png');
      const size = pngSize(png.bytes);
      assert.ok(Math.abs(size.width - 2 * onScreen.width) <= 1, `${w}x${h}: 2x the on-screen width ${onScreen.width}: ${size.width}`);
      assert.ok(size.height > 2 * onScreen.height + 80, `${w}x${h}: title, counts and legend around the picture: ${size.height}`);
      const look = await inspect(page, png.bytes, PICTURE_MARKS);
      assert.deepEqual(look.corner, [255, 255, 255, 255], 'white background');
      assert.ok(look.inked > 0.02, `not blank: ${look.inked}`);
      assert.deepEqual(look.found, [true, true, true], 'events, late events and the watermark drawn');
      copyFileSync(png.path, join(SCREENSHOTS, `picture-event-time-${lang}-${w}x${h}.png`));

      const svg = await save(page, 'svg-event-time');
      assert.equal(svg.name, 'bslab-event-time.svg');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const image = doc.querySelector('image');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          text: doc.documentElement.textContent,
          width: Number(doc.documentElement.getAttribute('width')),
          texts: doc.querySelectorAll('text').length,
          images: doc.querySelectorAll('image').length,
          href: image?.getAttribute('href')?.slice(0, 22),
        };
      }, svg.bytes.toString('utf-8'));
      assert.equal(parsed.error, null, 'well-formed SVG');
      assert.match(parsed.text, title);
      assert.ok(Math.abs(parsed.width - onScreen.width) <= 1, `as wide as on screen: ${parsed.width}`);
      assert.equal(parsed.images, 1, 'the marks as one embedded image');
      assert.equal(parsed.href, 'data:image/png;base64,');
      assert.ok(parsed.texts >= 12 + 6, `axes' labels and legend as text: ${parsed.texts}`);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  }
  assertNoProblems(problems);
  await page.close();
});

// Text only the picture composing has (the standalone SVG's style, src/picture/mod.rs).
const PICTURE_CODE = '.cursor { display: none; }';

test("the page's own wasm carries no picture composing; the lazy module does", async () => {
  const index = await (await fetch(BASE_URL)).text();
  const pageWasm = index.match(/batch-stream-lab-[0-9a-f]+_bg\.wasm/)?.[0];
  assert.ok(pageWasm, "the page's wasm is named in index.html");
  const bytes = async (name) => Buffer.from(await (await fetch(new URL(name, BASE_URL))).arrayBuffer());
  const [page, lazy] = [await bytes(pageWasm), await bytes('sweep-view_bg.wasm')];
  assert.ok(lazy.includes(PICTURE_CODE), 'the lazy module composes the pictures');
  assert.ok(!page.includes(PICTURE_CODE), "the page's wasm does not");
});

test('"Save all" holds the comparison\'s charts only, even once a sweep has drawn its own', async () => {
  const { page, problems } = await openPage(browser.context);
  await gotoApp(page);
  await waitSettled(page);
  const before = pngSize((await save(page, 'save-all')).bytes);
  await page.getByTestId('sweep').scrollIntoViewIfNeeded();
  await page.getByTestId('sweep-count').fill('10');
  await page.getByTestId('sweep-run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=sweep]')?.dataset.state === 'done',
    null, { timeout: 180_000, polling: 100 });
  // The Sweep view's charts are charts of the same kind, in the same document: a selector
  // that is not scoped to the comparison takes them too.
  assert.ok(await page.locator('.sweep-charts figure.chart').count() > 0, 'the sweep drew charts');
  const after = pngSize((await save(page, 'save-all')).bytes);
  assert.deepEqual(after, before, 'the same charts as before the sweep');
  assertNoProblems(problems);
  await page.close();
});
