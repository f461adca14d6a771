// Opens the managers' dashboard in Debian's chromium as a Jinan manager, logs in through the Camunda login,
// checks the figures against what DashboardBrowserTest seeded (EXPECTED), checks another tenant's cases are absent,
// and saves a screenshot. Run by DashboardBrowserTest: BASE_URL, EXPECTED (JSON), SCREENSHOT.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE_URL;
const expected = JSON.parse(process.env.EXPECTED);
const screenshot = process.env.SCREENSHOT;
const failures = [];

function check(what, actual, wanted) {
  const ok = JSON.stringify(actual) === JSON.stringify(wanted);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${JSON.stringify(actual)}${ok ? '' : ` (expected ${JSON.stringify(wanted)})`}`);
  if (!ok) {
    failures.push(what);
  }
}

const profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 1000 },
  locale: 'zh-CN',
});
try {
  const page = context.pages()[0] || await context.newPage();
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) { external.push(r.url()); } });
  page.on('pageerror', (e) => failures.push('page error: ' + e.message));

  await page.goto(base + '/dashboard');
  check('unauthenticated visit shows the login form', await page.locator('#login-form').isVisible(), true);
  // a user that does not exist (a wrong password would make Camunda delay the next login of that user)
  await page.fill('#username', 'jinan-nobody');
  await page.fill('#password', 'demo');
  await page.click('#login-button');
  await page.locator('#login-error').waitFor({ state: 'visible' });
  check('an unknown login is refused', await page.textContent('#login-error'), '用户名或密码错误');
  await page.fill('#username', 'jinan-manager');
  await Promise.all([page.waitForNavigation(), page.click('#login-button')]);
  try {
    await page.locator('#board').waitFor({ state: 'visible', timeout: 30000 });
  } catch (e) {
    failures.push('the dashboard did not load: ' + await page.textContent('#status'));
    throw e;
  }

  const text = async (selector) => (await page.textContent(selector)).trim();
  check('红', await text('#count-RED'), String(expected.red));
  check('黄', await text('#count-YELLOW'), String(expected.yellow));
  check('绿', await text('#count-GREEN'), String(expected.green));
  check('中止', await text('#count-SUSPENDED'), String(expected.suspended));
  const attention = await page.$$eval('#attention tbody tr', (rows) => rows.map((r) => ({
    key: r.cells[1].textContent,
    caseLink: r.cells[1].querySelector('a')?.getAttribute('href'),
    taskLinks: [...r.cells[7].querySelectorAll('a')].map((a) => a.getAttribute('href')),
    days: r.cells[6].textContent,
    colour: r.cells[0].textContent,
  })));
  check('YELLOW and RED cases, most urgent first', attention.map((a) => a.key), expected.attention);
  check('colours of the listed cases', attention.map((a) => a.colour), ['红', '黄']);
  check('links to the case view', attention.map((a) => a.caseLink), expected.attention.map((k) => '/api/cases/' + k));
  check('each listed case links its open task in Tasklist', attention.length > 0 && attention.every((a) => a.taskLinks.length > 0
    && a.taskLinks.every((h) => h.startsWith('/camunda/app/tasklist/default/#/?task='))), true);
  check('days overdue / left', attention.map((a) => /^(超期|剩余) \d+ 日$/.test(a.days)), [true, true]);
  check('open cases', await text('#open-total'), String(expected.openTotal));
  check('measures in force', await text('#measures-total'), String(expected.measuresTotal));
  const units = await page.$$eval('#table-units tbody tr',
    (rows) => rows.map((r) => [r.cells[0].textContent, Number(r.cells[1].textContent)]));
  // listed with the most measures first
  check('measures by unit', units, Object.entries(expected.units).sort((a, b) => b[1] - a[1]));
  check('exemption rate', await text('#exemption-rate'), expected.exemptionRate);
  const month = await page.$$eval('#table-monthly tbody tr', (rows, m) => rows.filter((r) => r.cells[0].textContent === m)
    .map((r) => Number(r.cells[1].textContent)), expected.thisMonth);
  check('taken in this month', month, [expected.takenInThisMonth]);
  check('tenant choice: only Jinan', await page.$$eval('#tenant option', (o) => o.map((x) => x.textContent)), ['济南市']);
  check('charts drawn by ECharts', await page.locator('#chart-stages canvas, #chart-stages svg').count() > 0, true);
  const body = await page.textContent('body');
  for (const absent of expected.absent) {
    check('absent: ' + absent, body.includes(absent), false);
  }
  check('nothing loaded from outside the app', external, []);

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log('screenshot: ' + screenshot);

  // log out, then the administrator (member of every tenant) switches to Jilin
  await Promise.all([page.waitForNavigation(), page.click('#logout')]);
  check('after logging out the login form is back', await page.locator('#login-form').isVisible(), true);
  await page.fill('#username', 'demo');
  await page.fill('#password', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('#login-button')]);
  await page.locator('#board').waitFor({ state: 'visible', timeout: 30000 });
  check('the administrator may choose all tenants or one',
    await page.$$eval('#tenant option', (o) => o.map((x) => x.textContent)),
    ['全部辖区', '常州市', '吉林市', '济南市', '明山区']);
  await page.selectOption('#tenant', 'jilin');
  await Promise.all([page.waitForNavigation(), page.click('#scope button[type=submit]')]);
  await page.locator('#board').waitFor({ state: 'visible', timeout: 30000 });
  check('Jilin chosen', await page.$eval('#tenant', (s) => s.value), 'jilin');
  check('Jilin: 红', await text('#count-RED'), String(expected.jilinRed));
  const jilinKeys = await page.$$eval('#attention tbody tr', (rows) => rows.map((r) => r.cells[1].textContent));
  check('Jilin: its cases listed, no Jinan case', [...jilinKeys].sort(), [...expected.jilinAttention].sort());
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error('FAILED: ' + failures.join('; '));
  process.exit(1);
}
