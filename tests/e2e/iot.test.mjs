// The IoT monitoring scenario, played to the end in both languages (play-preset.mjs: its
// preset in the list, no horizontal scroll, screenshots on a laptop and a projector): its
// dashboard caption and the alert rows of the summary (anomalies alerted, time to alert,
// missed, false alerts) filled for both pipelines.
import assert from 'node:assert/strict';
import { playInBothLanguages } from './play-preset.mjs';

const WORDS = {
  en: [/Sensors in alert/, /Anomalies alerted/, /Time to alert/, /False alerts/],
  pt: [/Sensores em alerta/, /Anomalias com alerta/, /Tempo até o alerta/, /Alertas falsos/],
};

playInBothLanguages('iot-offline-sensors', async (page, lang) => {
  const [caption, alerted, timeToAlert, falseAlerts] = WORDS[lang];
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
});
