// A Jinan case carried through Tasklist in a real browser, each step by the user who owns it (TasklistBrowserIT runs it):
// intake with the start form, preliminary check, filing approval, investigation (first refused by the server: one
// investigator), statement, manual liability (Jinan 15), determination with the tables' proposal, government approval
// (Jinan 20), until 送达处理决定 appears. Screenshots of every step go to OUT_DIR.
//   BASE_URL=http://localhost:8080 OUT_DIR=target/browser node tasklist-walkthrough.mjs
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BASE = process.env.BASE_URL || 'http://localhost:8080';
const OUT = process.env.OUT_DIR || 'target/browser';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
fs.mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // Playwright gives every launch a fresh, temporary user-data-dir of its own (it refuses the flag)
});

let shot = 0;
let page;
let context;
const log = (...m) => console.log(new Date().toISOString().slice(11, 19), ...m);

async function screenshot(name) {
  shot += 1;
  const file = path.join(OUT, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log('screenshot', file);
}

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** A fresh browser session logged in to Tasklist as the user. */
async function loginAs(user) {
  if (context) {
    await context.close();
  }
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(`${BASE}/camunda/app/tasklist/default/`);
  await page.waitForLoadState('networkidle');
  const username = page.locator('input[ng-model="username"]');
  const password = page.locator('input[type=password]');
  // the login view may still be settling (autofocus): fill until both fields hold what was typed
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await username.fill(user);
    await password.fill('demo');
    if (await username.inputValue() === user && await password.inputValue() === 'demo') {
      break;
    }
    await page.waitForTimeout(300);
  }
  await page.click('button[type=submit]');
  await page.waitForSelector('text=本组待办');
  log('logged in as', user);
}

/** The form-js field with this label (the first one, or the one inside `within`). */
function field(label, within) {
  const scope = within || page.locator('.fjs-form');
  // the field whose own label (not a nested field's) reads exactly so, required asterisk aside
  return scope.locator(`xpath=.//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]`
    + `[./label[normalize-space(translate(., '*', ''))='${label}']]`).first();
}

async function fill(label, text, within) {
  const input = field(label, within).locator('input, textarea').first();
  await input.fill(text);
  // form-js takes typed text after a short debounce: let it land before the next field re-renders the form
  await input.evaluate((element) => element.blur());
  await page.waitForTimeout(350);
}

async function date(label, isoDay) {
  // form-js' date picker is flatpickr, whose typed format follows the browser locale: set the day through it
  const labelled = page.locator('.fjs-form')
    .locator(`xpath=.//label[normalize-space(translate(., '*', ''))='${label}']`).first();
  const input = page.locator(`[id="${await labelled.getAttribute('for')}"]`);
  await input.evaluate((element, day) => element._flatpickr.setDate(day, true, 'Y-m-d'), isoDay);
  await page.waitForTimeout(300);
}

async function choose(label, option, within) {
  const f = field(label, within);
  await f.locator('.fjs-input-group').first().click();
  await f.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

async function radio(label, option) {
  const exact = new RegExp(`^\\s*${option.replace(/[()（）]/g, '.')}\\s*$`);
  await field(label).locator('label', { hasText: exact }).first().click();
}

async function tag(label, option) {
  const f = field(label);
  await f.locator('input').first().click();
  await f.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

// this run's case: its unit's name is unique, so other cases in the database do not get in the way
const UNIT = `某区市场监督管理局（${process.env.RUN_ID || Date.now().toString(36)}）`;
let caseKey;

/**
 * Opens this case's task with that name from 本组待办 (the list item shows its due date), claims it if needed, and
 * waits for its form. Before the case's number is known, the item whose form names this run's unit is taken.
 */
async function openTask(name) {
  await page.click('text=本组待办');
  let taskId;
  if (caseKey) {
    const view = await page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).json(),
      `${BASE}/api/cases/${caseKey}`);
    const task = view.openTasks.find((t) => t.name === name);
    expect(task, `${caseKey} has no open task ${name}: ${JSON.stringify(view.openTasks)}`);
    taskId = task.id;
  }
  const items = page.locator('.tasks-list li', { hasText: name });
  await items.first().waitFor();
  let listText;
  for (let i = 0; i < await items.count(); i += 1) {
    const item = items.nth(i);
    if (taskId && !(await item.innerHTML()).includes(taskId)) {
      continue;
    }
    listText = await item.innerText();
    await item.click();
    await page.waitForSelector('.task-details .fjs-form');
    await page.waitForTimeout(300);
    if (taskId || (await page.locator('.fjs-form').innerText()).includes(UNIT)) {
      break;
    }
    listText = undefined;
  }
  expect(listText, `no task ${name} of this case in 本组待办`);
  const claim = page.locator('.task-details').getByText('认领', { exact: true });
  if (await claim.count()) {
    await claim.first().click();
    await page.waitForFunction(() => !document.querySelector('.disabled-form'));
  }
  await page.waitForSelector('.fjs-form');
  await page.waitForSelector(`.task-details >> text=${name}`);
  log('opened', name);
  return listText;
}

/** Completes the open task; returns the notification text (success or the server's refusal). */
/** Completes the open task: '' when it is done (the details close), else the refusal Tasklist shows. */
async function complete() {
  // an earlier message may still cover the button: click it directly
  await page.locator('.form-actions button:has-text("完成")').evaluate((button) => button.click());
  await page.waitForFunction(() => /请在列表中选择任务|任务未完成|出错/.test(document.body.innerText));
  await page.waitForTimeout(300);
  const body = await page.locator('body').innerText();
  return /请在列表中选择任务/.test(body) ? '' : body;
}

async function completeOk(name) {
  const refusal = await complete();
  expect(refusal === '', `${name}: not completed: ${refusal}`);
  log('completed', name);
}

try {
  // 1. intake: the Jinan intake clerk starts a case with the start form
  await loginAs('jinan-intake-clerk');
  await screenshot('tasklist-filters');
  await page.click('text=发起流程');
  await page.click('text=行政执法过错责任追究');
  await page.waitForSelector('.fjs-form');
  // dates first: setting one re-renders the form, which could drop text typed just before
  await date('过错行为终了日', '2026-03-02');
  await date('发现日', '2026-06-10');
  await choose('线索来源', '申诉、控告、检举、投诉');
  await fill('被追究的行政执法行为', '2026年2月对某商户的罚款决定被行政复议机关撤销');
  await fill('行政执法单位', UNIT);
  await fill('投诉人、检举人联系方式', '13800000000');
  await fill('承办人', '张三');
  await fill('审核人', '李四');
  await screenshot('start-form');
  const filled = await page.locator('.fjs-form input, .fjs-form textarea').evaluateAll((es) => es.map((e) => e.value));
  expect(['13800000000', '张三', '李四', UNIT].every((v) => filled.includes(v)), `start form lost input: ${filled}`);
  await page.click('.modal-footer button.btn-primary:has-text("发起")');
  await page.waitForSelector('text=流程已发起。');
  log('case started');

  // 2. preliminary check (investigator): the form shows the case and the check deadline
  await loginAs('jinan-investigator');
  await openTask('核查');
  const summary = await page.locator('.fjs-form').innerText();
  const key = (summary.match(/JINAN-\d{4}-\d{5}/) || [])[0];
  expect(key, `case summary without business key: ${summary}`);
  caseKey = key;
  expect(summary.includes('核查：截止'), `preliminary check deadline not shown: ${summary}`);
  log('case', key);
  await radio('核查结论', '立案');
  await screenshot('preliminary-check');
  await completeOk('核查');

  // 3. filing approval (head of the supervision body)
  await loginAs('jinan-supervision-head');
  await openTask('立案审批');
  await radio('审批结果', '准予立案');
  await screenshot('filing-approval');
  await completeOk('立案审批');

  // 4. investigation: refused by the server with one investigator (Jinan 18), then done with two
  await loginAs('jinan-investigator');
  const investigateItem = await openTask('调查取证');
  expect(/截止|Due/.test(investigateItem), `task list item without due date: ${investigateItem}`);
  await radio('调查结果', '调查终结');
  await tag('调查人员', 'jinan-investigator）');
  await fill('查明的事实', '经调查，罚款决定认定事实不清，审核、批准未尽审查职责');
  await fill('证据', '案卷、询问笔录、复议决定书');
  await choose('过错类别', '事实不清、证据不足');
  await choose('情节轻重', '性质较轻');
  const refusal = await complete();
  await screenshot('investigation-refused');
  expect(refusal.includes('调查人员不得少于两人'), `expected the server's refusal, got: ${refusal}`);
  log('server refused:', (refusal.match(/表单有误[^\n]*/) || [refusal])[0]);
  // close the message, add the second investigator and complete
  await page.locator('.page-notifications .close').first().evaluate((x) => x.click()).catch(() => {});
  await tag('调查人员', 'jinan-investigator-2');
  await screenshot('investigation');
  await completeOk('调查取证');

  // 5. statement and defence (the unit's liaison)
  await loginAs('jinan-unit-liaison');
  await openTask('陈述申辩');
  await fill('陈述和申辩意见', '对调查认定的事实无异议');
  await screenshot('statement');
  await completeOk('陈述申辩');

  // 6. Jinan 15 fixes no split: the head determines each person's liability
  await loginAs('jinan-supervision-head');
  await openTask('人工认定责任划分');
  await tag('各人的责任程度', '张三（承办人）：次要');
  await tag('各人的责任程度', '李四（审核人）：主要');
  await fill('认定理由', '审核人未尽审核职责，承办人如实报告');
  await screenshot('manual-liability');
  await completeOk('人工认定责任划分');

  // 7. determination: the tables' proposal with each measure's basis and whether it is mandatory, and the deadline
  const determineItem = await openTask('作出认定');
  const proposal = await field('决策表建议的追究方式').innerText().catch(async () =>
    page.locator('.fjs-form-field-table').innerText());
  expect(proposal.includes('张三') && proposal.includes('济南市办法'), `proposal not shown: ${proposal}`);
  expect(/可选|必须适用/.test(proposal), `mandatory or optional not shown: ${proposal}`);
  const form = await page.locator('.fjs-form').innerText();
  expect(form.includes('调查处理期限') || form.includes('立案后调查终结并作出处理决定：截止'),
    `decision deadline not shown: ${form}`);
  expect(/截止|Due/.test(determineItem), `task list item without due date: ${determineItem}`);
  await screenshot('determination-proposal');
  await completeOk('作出认定');

  // 8. Jinan 20: the government at the same level approves
  await loginAs('jinan-government-approver');
  await openTask('报本级人民政府批准');
  const decision = await page.locator('.fjs-form').innerText();
  expect(decision.includes('张三'), `decision to approve not shown: ${decision}`);
  await radio('批准结果', '批准');
  await screenshot('government-approval');
  await completeOk('报本级人民政府批准');

  // 9. the decision is to be served: the intake clerk sees 送达处理决定
  await loginAs('jinan-intake-clerk');
  await openTask('送达处理决定');
  await screenshot('serve-decision');
  console.log(JSON.stringify({ ok: true, businessKey: key }));
} catch (e) {
  if (page) {
    await screenshot('failure').catch(() => {});
  }
  console.error('FAILED:', e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
