// Plays one preset to the end in one language and screenshots it on a laptop (1024×768) and a
// projector (1920×1080), into screenshots/<preset>-<size>-<lang>.png (not committed). Shared by
// the specs that play every scenario and window kind in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  launch, openPage, assertNoProblems, gotoApp, setMaxSpeed, waitFinished, SCREENSHOTS, LOCALES, SCREEN_SIZES, trackedBrowsers, fullPageShot,
} from './helpers.mjs';

const browsers = trackedBrowsers();

/**
 * One test per language: picks `preset` from the list, plays it at full speed to the end,
 * runs `check(page, lang)`, asserts no horizontal scroll at either size, and screenshots.
 */
export function playInBothLanguages(preset, check, timeout = 180_000) {
  for (const [lang, locale] of LOCALES) {
    test(`${preset} played in ${locale}`, async () => {
      const browser = await launch({ viewport: SCREEN_SIZES[1], locale });
      browsers.push(browser);
      const { page, problems } = await openPage(browser.context);
      await gotoApp(page, `/?${preset}`);
      const options = await page.getByTestId('preset').locator('option').evaluateAll((os) => os.map((o) => o.value));
      assert.ok(options.includes(preset), `the preset list offers ${preset}`);
      await page.getByTestId('preset').selectOption(preset);
      await setMaxSpeed(page);
      await page.getByTestId('play').click();
      await waitFinished(page, timeout);
      await check(page, lang);
      for (const viewport of SCREEN_SIZES) {
        await page.setViewportSize(viewport);
        await page.waitForTimeout(200);
        // On a laptop the parameter panel is a drawer over the dashboards: closed for the picture.
        const close = page.getByTestId('params-close');
        if (await close.isVisible()) await close.click();
        await page.waitForTimeout(200);
        const size = `${viewport.width}x${viewport.height}`;
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${size}: no horizontal scroll`);
        await page.screenshot({ path: join(SCREENSHOTS, `${preset}-${size}-${lang}.png`) });
        await fullPageShot(page, join(SCREENSHOTS, `${preset}-${size}-${lang}-full.png`));
      }
      assertNoProblems(problems);
    });
  }
}
