'use strict';
// The managers' dashboard: figures from /api/stats/overview, charts by ECharts (served by the app).
// Everything from the server is written with textContent or drawn on canvas: no markup is built from data.
(function () {
  const COLOUR_NAMES = { RED: '红', YELLOW: '黄', GREEN: '绿', SUSPENDED: '中止' };
  const charts = {};
  const $ = (id) => document.getElementById(id);

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  /** Only our own relative paths become links. */
  function link(text, href) {
    const a = el('a', text);
    if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) {
      a.href = href;
    }
    return a;
  }

  function rows(tableId, data, cells) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren(...data.map((d) => {
      const tr = el('tr');
      cells(d).forEach((c) => tr.appendChild(c instanceof Node ? c : el('td', c)));
      return tr;
    }));
  }

  function chart(id, option) {
    if (!window.echarts) {
      return;
    }
    charts[id] = charts[id] || window.echarts.init($(id));
    // tooltips drawn on the canvas too (richText), so no data is ever rendered as HTML
    charts[id].setOption(Object.assign({ tooltip: { trigger: 'item', renderMode: 'richText' },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true } }, option), true);
  }

  function bar(id, names, values, name, horizontal) {
    const category = { type: 'category', data: names, axisLabel: { interval: 0, width: 120, overflow: 'truncate' } };
    const value = { type: 'value', minInterval: 1 };
    chart(id, { xAxis: horizontal ? value : category, yAxis: horizontal ? category : value,
      series: [{ type: 'bar', name, data: values, label: { show: true, position: horizontal ? 'right' : 'top' } }] });
  }

  function percent(rate) {
    return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + '%';
  }

  function params() {
    const q = new URLSearchParams(window.location.search);
    const out = new URLSearchParams();
    ['tenant', 'from', 'to'].forEach((k) => { if (q.get(k)) { out.set(k, q.get(k)); } });
    return out;
  }

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      window.location.reload();
      throw new Error('未登录');
    }
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.message || ('HTTP ' + response.status));
    }
    return body;
  }

  function renderScope(me, data) {
    $('user').textContent = me.userId;
    const select = $('tenant');
    const options = [];
    if (me.tenants.length > 1) {
      options.push(el('option', '全部辖区', { value: '' }));
    }
    data.allTenants.forEach((t) => options.push(el('option', t.name, { value: t.id })));
    select.replaceChildren(...options);
    select.value = params().get('tenant') || (me.tenants.length > 1 ? '' : me.tenants[0] || '');
    $('from').value = data.scope.from;
    $('to').value = data.scope.to;
    $('today').textContent = data.scope.today;
  }

  function render(data) {
    const d = data.deadlines;
    Object.keys(COLOUR_NAMES).forEach((c) => { $('count-' + c).textContent = d.counts[c]; });
    $('attention-note').textContent = d.attentionTotal === 0 ? '没有临近届满或已超期的期限。'
      : '共 ' + d.attentionTotal + ' 个期限临近届满或已超期' + (d.attentionTotal > d.attention.length
        ? '，显示最紧迫的 ' + d.attention.length + ' 个' : '') + '。';
    rows('attention', d.attention, (a) => {
      const colour = el('td', COLOUR_NAMES[a.colour], { class: 'colour-' + a.colour });
      const key = el('td');
      key.appendChild(link(a.businessKey, a.caseUrl));
      const tasks = el('td');
      a.tasks.forEach((t, i) => {
        if (i > 0) { tasks.appendChild(document.createTextNode('；')); }
        tasks.appendChild(link(t.name, t.tasklistUrl));
      });
      return [colour, key, a.tenantName, a.unitName, a.deadlineStageName, a.dueDate,
        a.colour === 'RED' ? '超期 ' + a.daysOverdue + ' 日' : '剩余 ' + a.daysLeft + ' 日', tasks];
    });

    const stages = data.openCases.stages;
    $('open-total').textContent = data.openCases.total;
    bar('chart-stages', stages.map((s) => s.stageName), stages.map((s) => s.count), '在办案件');
    rows('table-stages', stages, (s) => [s.stageName, s.count]);

    const months = data.monthly.months;
    chart('chart-monthly', { tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { data: ['受理', '结案'] },
      xAxis: { type: 'category', data: months.map((m) => m.month) }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '受理', type: 'bar', data: months.map((m) => m.takenIn) },
        { name: '结案', type: 'bar', data: months.map((m) => m.closed) }] });
    rows('table-monthly', months, (m) => [m.month, m.takenIn, m.closed]);

    const units = data.measures.byUnit;
    $('measures-total').textContent = data.measures.total;
    bar('chart-units', units.map((u) => u.unit), units.map((u) => u.count), '追究方式', true);
    rows('table-units', units, (u) => [u.unit, u.count]);
    const types = data.measures.byType;
    bar('chart-types', types.map((t) => t.measureName), types.map((t) => t.count), '追究方式', true);
    rows('table-types', types, (t) => [t.measureName, t.count]);

    const durations = data.durations.stages;
    bar('chart-durations', durations.map((s) => s.stageName), durations.map((s) => s.medianDays), '中位数（日）', true);
    rows('table-durations', durations, (s) => [s.stageName, s.medianDays, s.count]);

    const e = data.exemptions;
    $('exemption-rate').textContent = percent(e.rate);
    $('exemption-counts').textContent = e.exempt + ' / ' + e.assessed;
    const r = data.reviews;
    $('review-counts').textContent = r.applications + ' / ' + r.decisions + '（' + percent(r.rate) + '）';
    chart('chart-reviews', { series: [{ type: 'pie', radius: ['35%', '70%'],
      data: r.outcomes.filter((o) => o.count > 0).map((o) => ({ name: o.outcomeName, value: o.count })) }] });
    rows('table-reviews', r.outcomes, (o) => [o.outcomeName, o.count]);
  }

  async function load() {
    const status = $('status');
    try {
      const me = await getJson('/api/me');
      const data = await getJson('/api/stats/overview?' + params().toString());
      data.allTenants = (await getJson('/api/stats/tenants')).tenants;
      renderScope(me, data);
      render(data);
      status.hidden = true;
      $('board').hidden = false;
      Object.values(charts).forEach((c) => c.resize());
    } catch (e) {
      status.textContent = '加载失败：' + e.message;
      status.classList.add('error');
    }
  }

  $('scope').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    if ($('tenant').value) { q.set('tenant', $('tenant').value); }
    if ($('from').value) { q.set('from', $('from').value); }
    if ($('to').value) { q.set('to', $('to').value); }
    window.location.search = q.toString();
  });

  $('logout').addEventListener('click', async () => {
    const probe = await fetch('/camunda/app/welcome/default/', { credentials: 'same-origin' });
    const token = probe.headers.get('X-XSRF-TOKEN')
      || (await (await fetch('/dashboard/csrf-token', { credentials: 'same-origin' })).json()).token;
    await fetch('/camunda/api/admin/auth/user/default/logout', { method: 'POST', credentials: 'same-origin',
      headers: token ? { 'X-XSRF-TOKEN': token } : {} });
    window.location.reload();
  });

  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  load();
}());
