// The IoT monitoring scenario, played to the end in both languages: its preset in the list,
// its dashboard caption, the alert rows of the summary (anomalies alerted, time to alert,
// missed, false alerts) filled for both pipelines, no horizontal scroll; screenshots on a
// laptop (1024×768) and a projector (1920×1080) in screenshots/ (not committed).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, assertNoProblems, gotoApp, setMaxSpeed, waitFinished, SCREENSHOTS } from './helpers.mjs';

const PRESET = 'iot-offline-sensors';
const LANGS = [
  ['en', 'en-US', /Sensors in alert/, /Anomalies alerted/, /Time to alert/, /False alerts/],
  ['pt', 'pt-BR', /Sensores em alerta/, /Anomalias com alerta/, /Tempo até o alerta/, /Alertas falsos/],
];
const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];

const browsers = [];
after(async () => {
  for (const b of browsers) await b.close();
});

for (const [lang, locale, caption, alerted, timeToAlert, falseAlerts] of LANGS) {
  test(`IoT preset played in ${locale}`, async () => {
    const browser = await launch({ viewport: VIEWPORTS[1], locale });
    browsers.push(browser);
    const { page, problems } = await openPage(browser.context);
    await gotoApp(page, '/?iot');
    const options = await page.getByTestId('preset').locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(options.includes(PRESET), `the preset list offers ${PRESET}`);
    await page.getByTestId('preset').selectOption(PRESET);
    await setMaxSpeed(page);
    await page.getByTestId('play').click();
    await waitFinished(page, 180_000);
    assert.match(await page.getByTestId('panel-batch').innerText(), caption);
    assert.match(await page.getByTestId('panel-streaming').innerText(), caption);
    const rows = page.getByTestId('alert-row');
    assert.equal(await rows.count(), 4, 'four alert rows in the summary');
    const text = await page.getByTestId('summary').innerText();
    for (const label of [alerted, timeToAlert, falseAlerts]) assert.match(text, label);
    // Both pipelines alerted on at least one anomaly: "n / total" with n > 0 in each column.
    const counts = await rows.first().locator('td').allInnerTexts();
    assert.equal(counts.length, 2);
    for (const c of counts) assert.match(c, /^[1-9]\d*\s*\/\s*[1-9]\d*$/, `alerted: ${c}`);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(200);
      // On a laptop the parameter panel is a drawer over the dashboards: closed for the picture.
      const close = page.getByTestId('params-close');
      if (await close.isVisible()) await close.click();
      await page.waitForTimeout(200);
      const size = `${viewport.width}x${viewport.height}`;
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${size}: no horizontal scroll`);
      await page.screenshot({ path: join(SCREENSHOTS, `${PRESET}-${size}-${lang}.png`) });
      await page.screenshot({ path: join(SCREENSHOTS, `${PRESET}-${size}-${lang}-full.png`), fullPage: true });
    }
    assertNoProblems(problems);
  });
}
