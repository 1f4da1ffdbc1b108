// The search page of `tpsearch serve`. Plain JavaScript, no build step, no library but ECharts
// (loaded from this server after the results are on screen).
//
// Safety: every value from the reports reaches the page as text (textContent, text nodes), never
// as markup; highlights (the API's **...** markers) become <mark> elements made here; a source URL
// becomes a link only when it is http or https. The server's Content-Security-Policy allows scripts
// from this server only and no inline script or style.
'use strict';

(function () {
  const PAGE_SIZE = 20;
  const TIMELINE_LIMIT = 500;
  const EXPORT_LIMIT = 10000;
  const DEBOUNCE_MS = 250;
  // URL parameters that are not facet filters; any other is a dimension, not_DIM an exclusion.
  const RESERVED = new Set(['q', 'sort', 'page', 'min_confidence', 'max_confidence', 'rows', 'colour', 'collapse']);

  const I18N = {
    en: {
      lang_button: '中文', placeholder: 'Search turning points: 绿色电力 交易, lockdown, 碳达峰 -工业',
      search: 'Search', sort: 'Sort', sort_relevance: 'relevance', sort_date: 'date', sort_confidence: 'confidence',
      timeline: 'Timeline', rows: 'rows', colour: 'colour', export_csv: 'Export CSV', export_json: 'Export JSON',
      prev: 'Previous', next: 'Next', footer: 'read-only; charts by Apache ECharts', home: 'tpsearch',
      dim_region: 'region', dim_sector: 'sector', dim_year: 'year', dim_type: 'type', dim_status: 'evidence',
      dim_confidence: 'confidence', dim_source_domain: 'source domain',
      summary_all: '{n} turning points', summary_q: '{n} turning points match “{q}”',
      summary_more: '; {n} more have some of the words', summary_partial: 'no point has every word of “{q}”; {n} have some',
      summary_none: 'nothing matches “{q}”', separator: '── points that have only some of the words ──',
      tier_full: 'full match', tier_phrase: 'as typed', tier_partial: 'partial: {m} of {w} words', tier_part: 'partial: part of a word',
      copy_id: 'copy id', copy_citation: 'copy citation', copied: 'copied', filter_out: 'filter out (exclude)',
      include_again: 'stop excluding', remove: 'remove', clear_all: 'clear all', not: 'not', from: 'from', to: 'to',
      apply: 'apply', page: 'page {p} of {n}', back: '← back to the results', loading: 'loading…',
      no_point: 'no turning point “{id}”', fields: 'fields', prose: 'text', answer: 'the answer as written',
      sources: 'sources', confidence: 'confidence', file: 'file', flags: 'flags', date: 'date',
      timeline_note_cut: 'the first {n} of {t} by date', timeline_note_undated: '{n} without a date are not shown',
      status_found: 'evidence found', status_none: 'nothing found', status_failed: 'retrieval failed',
      type_Policy: 'Policy', type_Event: 'Event', type_Seasonal: 'Seasonal', type_Trend: 'Trend', type_Unknown: 'Unknown',
      count: 'points', unknown: 'unknown', error: 'error: {e}', open_point: 'open the point',
      dim_evidence_window: 'evidence dates', 'window_in-window': 'in the window', 'window_out-of-window': 'outside the window',
      window_undated: 'undated', 'check_no-url': 'no URL', 'check_bare-url': 'home page only', duplicate: 'duplicate',
      'evidence_window_all-in-window': 'all in the window', 'evidence_window_some-out-of-window': 'some outside the window',
      'evidence_window_all-out-of-window': 'all outside the window', 'evidence_window_no-dated-evidence': 'no dated evidence',
      'evidence_window_no-evidence': 'no evidence', collapse: 'collapse duplicates',
      collapsed: '{n} collapsed as duplicates:', duplicate_of: 'duplicate of', also_cited: 'also cited under',
      same_event: 'also cited under (same event, by content):'
    },
    zh: {
      lang_button: 'English', placeholder: '搜索转折点：绿色电力 交易、封城、碳达峰 -工业',
      search: '搜索', sort: '排序', sort_relevance: '相关度', sort_date: '日期', sort_confidence: '置信度',
      timeline: '时间线', rows: '行', colour: '颜色', export_csv: '导出 CSV', export_json: '导出 JSON',
      prev: '上一页', next: '下一页', footer: '只读；图表由 Apache ECharts 绘制', home: 'tpsearch',
      dim_region: '地区', dim_sector: '部门', dim_year: '年份', dim_type: '类型', dim_status: '证据',
      dim_confidence: '置信度', dim_source_domain: '来源网站',
      summary_all: '共 {n} 个转折点', summary_q: '{n} 个转折点匹配“{q}”',
      summary_more: '；另有 {n} 个含部分词语', summary_partial: '没有转折点包含“{q}”的全部词语；{n} 个含部分词语',
      summary_none: '没有结果匹配“{q}”', separator: '── 以下转折点只含部分词语 ──',
      tier_full: '完全匹配', tier_phrase: '原文匹配', tier_partial: '部分匹配：{w} 个词中的 {m} 个', tier_part: '部分匹配：词的一部分',
      copy_id: '复制编号', copy_citation: '复制引用', copied: '已复制', filter_out: '排除此项',
      include_again: '取消排除', remove: '移除', clear_all: '全部清除', not: '排除', from: '从', to: '到',
      apply: '应用', page: '第 {p} 页，共 {n} 页', back: '← 返回结果', loading: '加载中…',
      no_point: '没有转折点“{id}”', fields: '字段', prose: '正文', answer: '原始回答',
      sources: '来源', confidence: '置信度', file: '文件', flags: '标记', date: '日期',
      timeline_note_cut: '按日期显示前 {n} 个（共 {t} 个）', timeline_note_undated: '{n} 个无日期的未显示',
      status_found: '找到证据', status_none: '未找到', status_failed: '检索失败',
      type_Policy: '政策', type_Event: '事件', type_Seasonal: '季节性', type_Trend: '趋势', type_Unknown: '未知',
      count: '个', unknown: '未知', error: '错误：{e}', open_point: '打开转折点',
      dim_evidence_window: '证据时间', 'window_in-window': '在时间窗口内', 'window_out-of-window': '在时间窗口外',
      window_undated: '无日期', 'check_no-url': '无网址', 'check_bare-url': '仅网站首页', duplicate: '重复',
      'evidence_window_all-in-window': '全部在窗口内', 'evidence_window_some-out-of-window': '部分在窗口外',
      'evidence_window_all-out-of-window': '全部在窗口外', 'evidence_window_no-dated-evidence': '无带日期的证据',
      'evidence_window_no-evidence': '无证据', collapse: '合并重复',
      collapsed: '{n} 个重复转折点已合并：', duplicate_of: '重复于', also_cited: '也见于',
      same_event: '按内容判断为同一事件，也见于：'
    }
  };

  let lang = pickLanguage();
  let state = null;           // what the page shows, read from the URL
  let lastResult = null;      // the JSON of the current search
  let lastTimeline = null;    // the JSON the timeline was drawn from
  let sequence = 0;           // answers to older requests are dropped
  let typingTimer = 0;
  let painted = false;
  let echartsLoading = null;
  const zhNames = new Map();  // region and sector names in Chinese, learnt from the hits
  let citations = null;       // resolves to whether the server writes citations (/points/{id}/cite)
  let canCite = false;

  const $ = (id) => document.getElementById(id);

  function pickLanguage() {
    let saved = null;
    try {
      saved = window.localStorage.getItem('tpsearch.lang');
    } catch (e) {
      saved = null; // storage may be off
    }
    if (saved === 'en' || saved === 'zh') {
      return saved;
    }
    return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  function t(key, args) {
    let s = I18N[lang][key];
    if (s === undefined) {
      s = I18N.en[key];
    }
    if (s === undefined) {
      return key;
    }
    if (args) {
      s = s.replace(/\{(\w+)\}/g, (m, k) => (k in args ? String(args[k]) : m));
    }
    return s;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  // ------------------------------------------------------------------ state and URL

  function emptyState() {
    return { view: 'search', id: null, q: '', filters: {}, not: {}, min: '', max: '', sort: 'relevance', page: 1,
      rows: 'region', colour: 'type', collapse: false };
  }

  function readState(loc) {
    const s = emptyState();
    const params = new URLSearchParams(loc.search);
    if (loc.pathname.startsWith('/points/')) {
      s.view = 'point';
      try {
        s.id = decodeURIComponent(loc.pathname.substring('/points/'.length));
      } catch (e) {
        s.id = loc.pathname.substring('/points/'.length); // bad percent-encoding: asked as it is
      }
    }
    for (const [key, value] of params) {
      if (key === 'q') {
        s.q = value;
      } else if (key === 'sort') {
        s.sort = ['relevance', 'date', 'confidence'].includes(value) ? value : 'relevance';
      } else if (key === 'page') {
        const p = parseInt(value, 10);
        s.page = p >= 1 && p <= 500 ? p : 1;
      } else if (key === 'min_confidence') {
        s.min = value;
      } else if (key === 'max_confidence') {
        s.max = value;
      } else if (key === 'collapse') {
        s.collapse = value === 'true';
      } else if (key === 'rows') {
        s.rows = value === 'sector' ? 'sector' : 'region';
      } else if (key === 'colour') {
        s.colour = value === 'status' || value === 'window' ? value : 'type';
      } else if (/^not_[a-z][a-z_]*$/.test(key)) {
        add(s.not, key.substring(4), value);
      } else if (/^[a-z][a-z_]*$/.test(key) && !RESERVED.has(key)) {
        add(s.filters, key, value);
      }
    }
    return s;
  }

  function add(map, dim, value) {
    // Own keys only: ?constructor=1 names Object's own constructor, not a filter list.
    if (!Object.prototype.hasOwnProperty.call(map, dim)) {
      map[dim] = [];
    }
    if (!map[dim].includes(value)) {
      map[dim].push(value);
    }
  }

  // The search parameters of a state, as the API and the page's URL both take them.
  function searchParams(s) {
    const p = new URLSearchParams();
    if (s.q) {
      p.append('q', s.q);
    }
    for (const dim of Object.keys(s.filters)) {
      for (const v of s.filters[dim]) {
        p.append(dim, v);
      }
    }
    for (const dim of Object.keys(s.not)) {
      for (const v of s.not[dim]) {
        p.append('not_' + dim, v);
      }
    }
    if (s.min !== '') {
      p.append('min_confidence', s.min);
    }
    if (s.max !== '') {
      p.append('max_confidence', s.max);
    }
    if (s.sort !== 'relevance') {
      p.append('sort', s.sort);
    }
    if (s.collapse) {
      p.append('collapse', 'true');
    }
    return p;
  }

  function pageUrl(s) {
    const p = searchParams(s);
    if (s.page > 1) {
      p.append('page', String(s.page));
    }
    if (s.rows !== 'region') {
      p.append('rows', s.rows);
    }
    if (s.colour !== 'type') {
      p.append('colour', s.colour);
    }
    const query = p.toString();
    const path = s.view === 'point' ? pointPath(s.id) : '/';
    return path + (query ? '?' + query : '');
  }

  function pointPath(id) {
    return '/points/' + id.split('/').map(encodeURIComponent).join('/');
  }

  function copyState(s) {
    const c = Object.assign({}, s);
    c.filters = {};
    c.not = {};
    for (const d of Object.keys(s.filters)) {
      c.filters[d] = s.filters[d].slice();
    }
    for (const d of Object.keys(s.not)) {
      c.not[d] = s.not[d].slice();
    }
    return c;
  }

  // Shows state s; push adds a history entry (back returns here), else the current one is replaced.
  function go(s, push) {
    const url = pageUrl(s);
    if (url !== location.pathname + location.search) {
      if (push) {
        history.pushState(null, '', url);
      } else {
        history.replaceState(null, '', url);
      }
    }
    show(s);
  }

  function show(s) {
    state = s;
    if (s.view === 'point') {
      showPoint(s);
    } else {
      showSearch(s);
    }
  }

  // ------------------------------------------------------------------ fetching

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    let body;
    try {
      body = await response.json();
    } catch (e) {
      throw new Error('HTTP ' + response.status);
    }
    if (!response.ok) {
      const err = new Error(body && typeof body.error === 'string' ? body.error : 'HTTP ' + response.status);
      err.status = response.status;
      throw err;
    }
    return body;
  }

  function apiUrl(s, extra) {
    const p = searchParams(s);
    for (const k of Object.keys(extra)) {
      p.set(k, extra[k]);
    }
    return '/search?' + p.toString();
  }

  // ------------------------------------------------------------------ the search view

  async function showSearch(s) {
    const mine = ++sequence;
    $('results').hidden = false;
    $('facets').hidden = false;
    $('point').hidden = true;
    if (document.activeElement !== $('q') || $('q').value.trim() !== s.q.trim()) {
      $('q').value = s.q;
    }
    $('sort').value = s.sort;
    $('rows').value = s.rows;
    $('colour').value = s.colour;
    $('collapse').checked = s.collapse;
    document.title = s.q ? s.q + ' — tpsearch' : 'tpsearch';
    const main = getJson(apiUrl(s, { limit: String(s.page * PAGE_SIZE), facets: 'true' }));
    let result;
    try {
      result = await main;
      canCite = await citations;
    } catch (e) {
      if (mine === sequence) {
        showError(e.message);
      }
      return;
    }
    if (mine !== sequence) {
      return;
    }
    $('error').hidden = true;
    lastResult = result;
    learnNames(result.hits);
    $('index-name').textContent = result.index;
    renderSummary(s, result);
    renderChips(s);
    renderFacets(s, result);
    renderHits(s, result);
    renderPager(s, result);
    document.body.dataset.renders = String((parseInt(document.body.dataset.renders || '0', 10) || 0) + 1);
    markPainted();
    // The timeline wants every point of the result (up to a bound), by date, and no counts; asked
    // once the results are on screen, so that it does not hold them up.
    let tl;
    try {
      tl = await getJson(apiUrl(s, { limit: String(TIMELINE_LIMIT), sort: 'date', facets: 'false' }));
    } catch (e) {
      return; // the main answer already said what went wrong
    }
    if (mine !== sequence) {
      return;
    }
    lastTimeline = tl;
    learnNames(tl.hits);
    drawTimeline(s, tl, result);
  }

  // The moment the first results are on screen, for the load-time measurement.
  function markPainted() {
    if (painted) {
      return;
    }
    painted = true;
    requestAnimationFrame(() => setTimeout(() => {
      performance.mark('tpsearch-results-painted');
      document.body.dataset.painted = 'true';
    }, 0));
  }

  function showError(message) {
    const e = $('error');
    e.textContent = t('error', { e: message });
    e.hidden = false;
    $('hits').replaceChildren();
    $('summary').textContent = '';
    $('pager').hidden = true;
    document.body.dataset.renders = String((parseInt(document.body.dataset.renders || '0', 10) || 0) + 1);
  }

  function learnNames(hits) {
    for (const h of hits) {
      if (h.region_zh) {
        zhNames.set('region:' + h.region, h.region_zh);
      }
      if (h.sector_zh) {
        zhNames.set('sector:' + h.sector, h.sector_zh);
      }
    }
  }

  // A facet value as shown: type and status names translated, regions and sectors in Chinese too.
  function valueLabel(dim, value) {
    if (dim === 'status' || dim === 'type' || dim === 'window' || dim === 'check' || dim === 'evidence_window') {
      const key = dim + '_' + value;
      return I18N.en[key] !== undefined ? t(key) : value;
    }
    if (dim === 'region' || dim === 'sector') {
      const zh = zhNames.get(dim + ':' + value);
      if (zh) {
        return lang === 'zh' ? zh + ' ' + value : value + ' ' + zh;
      }
    }
    if (value === 'unknown') {
      return t('unknown');
    }
    return value;
  }

  function dimLabel(dim) {
    const key = 'dim_' + dim;
    return I18N.en[key] !== undefined ? t(key) : dim.replace(/_/g, ' ');
  }

  function renderSummary(s, r) {
    let text;
    if (!s.q.trim()) {
      text = t('summary_all', { n: r.total });
    } else if (r.total === 0) {
      text = t('summary_none', { q: s.q });
    } else if (r.match === 'partial') {
      text = t('summary_partial', { q: s.q, n: r.total });
    } else {
      text = t('summary_q', { n: r.total, q: s.q }) + (r.partial_total > 0 ? t('summary_more', { n: r.partial_total }) : '');
    }
    $('summary').textContent = text;
    const box = $('collapsed');
    box.replaceChildren();
    const collapsed = Array.isArray(r.collapsed) ? r.collapsed : [];
    box.hidden = collapsed.length === 0;
    if (collapsed.length) {
      box.append(document.createTextNode(t('collapsed', { n: collapsed.length }) + ' '));
      collapsed.forEach((c, i) => {
        if (i > 0) {
          box.append(document.createTextNode('; '));
        }
        box.append(pointLink(c.id), document.createTextNode(' ' + t('duplicate_of') + ' '), pointLink(c.duplicate_of));
      });
    }
  }

  // A link to a point's page, opened in place; 'id#N' (its N-th item) links to the point.
  function pointLink(ref) {
    const id = String(ref).split('#')[0];
    const a = el('a', 'point-link', ref);
    a.href = pointPath(id);
    a.addEventListener('click', (e) => {
      if (e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        openPoint(id);
      }
    });
    return a;
  }

  function renderChips(s) {
    const box = $('chips');
    box.replaceChildren();
    let n = 0;
    const chip = (text, exclude, remove) => {
      const c = el('span', 'chip' + (exclude ? ' exclude' : ''));
      c.append(el('span', 'chip-text', text));
      const b = el('button', 'chip-remove', '×');
      b.type = 'button';
      b.title = t('remove');
      b.setAttribute('aria-label', t('remove') + ' ' + text);
      b.addEventListener('click', () => {
        const next = copyState(state);
        remove(next);
        next.page = 1;
        go(next, true);
      });
      c.append(b);
      box.append(c);
      n++;
    };
    for (const dim of Object.keys(s.filters)) {
      for (const v of s.filters[dim]) {
        chip(dimLabel(dim) + ': ' + valueLabel(dim, v), false, (x) => {
          x.filters[dim] = x.filters[dim].filter((y) => y !== v);
        });
      }
    }
    for (const dim of Object.keys(s.not)) {
      for (const v of s.not[dim]) {
        chip(t('not') + ' ' + dimLabel(dim) + ': ' + valueLabel(dim, v), true, (x) => {
          x.not[dim] = x.not[dim].filter((y) => y !== v);
        });
      }
    }
    if (s.min !== '' || s.max !== '') {
      chip(t('confidence') + ': ' + (s.min || '0') + '–' + (s.max || '1'), false, (x) => {
        x.min = '';
        x.max = '';
      });
    }
    if (n > 1) {
      const all = el('button', 'chip-clear', t('clear_all'));
      all.type = 'button';
      all.addEventListener('click', () => {
        const next = copyState(state);
        next.filters = {};
        next.not = {};
        next.min = '';
        next.max = '';
        next.page = 1;
        go(next, true);
      });
      box.append(all);
    }
  }

  function renderFacets(s, r) {
    const box = $('facets');
    box.replaceChildren();
    const facets = r.facets || {};
    for (const dim of Object.keys(facets)) {
      const set = el('fieldset', 'facet');
      set.dataset.dim = dim;
      set.append(el('legend', null, dimLabel(dim)));
      const counts = new Map(facets[dim].map((c) => [c.value, c.count]));
      const values = facets[dim].map((c) => c.value);
      // A value filtered on or out stays listed, whatever its count now.
      for (const v of (s.filters[dim] || []).concat(s.not[dim] || [])) {
        if (!counts.has(v) && !/\.\./.test(v)) {
          values.push(v);
        }
      }
      const list = el('div', 'facet-values');
      values.forEach((v, i) => list.append(facetRow(s, dim, v, counts.get(v), i)));
      set.append(list);
      if (dim === 'year') {
        set.append(rangeRow('year', s));
      } else if (dim === 'confidence') {
        set.append(rangeRow('confidence', s));
      }
      box.append(set);
    }
  }

  function facetRow(s, dim, value, count, i) {
    const row = el('div', 'facet-row');
    row.dataset.value = value;
    const selected = (s.filters[dim] || []).includes(value);
    const excluded = (s.not[dim] || []).includes(value);
    if (excluded) {
      row.classList.add('excluded');
    }
    const box = el('input');
    box.type = 'checkbox';
    box.id = 'f-' + dim + '-' + i;
    box.checked = selected;
    box.disabled = excluded;
    box.addEventListener('change', () => {
      const next = copyState(state);
      const now = next.filters[dim] || [];
      next.filters[dim] = box.checked ? now.concat([value]) : now.filter((x) => x !== value);
      next.page = 1;
      go(next, true);
    });
    const label = el('label', null, valueLabel(dim, value));
    label.htmlFor = box.id;
    label.title = value;
    const n = el('span', 'count', count === undefined ? '–' : String(count));
    const ex = el('button', 'exclude', excluded ? '+' : '−');
    ex.type = 'button';
    ex.title = excluded ? t('include_again') : t('filter_out');
    ex.setAttribute('aria-label', ex.title + ': ' + value);
    ex.addEventListener('click', () => {
      const next = copyState(state);
      if (excluded) {
        next.not[dim] = (next.not[dim] || []).filter((x) => x !== value);
      } else {
        add(next.not, dim, value);
        next.filters[dim] = (next.filters[dim] || []).filter((x) => x !== value);
      }
      next.page = 1;
      go(next, true);
    });
    row.append(box, label, n, ex);
    return row;
  }

  // Year and confidence as ranges: two inputs and an apply button.
  function rangeRow(kind, s) {
    const row = el('form', 'range');
    row.dataset.range = kind;
    const from = el('input');
    const to = el('input');
    from.name = 'from';
    to.name = 'to';
    from.type = to.type = 'number';
    if (kind === 'year') {
      from.min = to.min = '1900';
      from.max = to.max = '2100';
      from.step = to.step = '1';
    } else {
      from.min = to.min = '0';
      from.max = to.max = '1';
      from.step = to.step = '0.05';
      from.value = s.min;
      to.value = s.max;
    }
    from.placeholder = t('from');
    to.placeholder = t('to');
    const apply = el('button', null, t('apply'));
    apply.type = 'submit';
    row.addEventListener('submit', (e) => {
      e.preventDefault();
      const next = copyState(state);
      const a = from.value.trim();
      const b = to.value.trim();
      if (kind === 'year') {
        if (!a && !b) {
          return;
        }
        add(next.filters, 'year', (a || '') + '..' + (b || ''));
      } else {
        next.min = a;
        next.max = b;
      }
      next.page = 1;
      go(next, true);
    });
    row.append(from, el('span', null, '–'), to, apply);
    return row;
  }

  function renderHits(s, r) {
    const list = $('hits');
    list.replaceChildren();
    const start = (s.page - 1) * PAGE_SIZE;
    const hits = r.hits.slice(start, start + PAGE_SIZE);
    hits.forEach((h, i) => {
      const g = start + i;
      // The line between the points with every word and those with only some (tier 3).
      if (r.match === 'all' && h.match === 'partial' && g > 0 && r.hits[g - 1].match === 'all') {
        list.append(el('li', 'separator', t('separator')));
      }
      list.append(hitItem(s, r, h));
    });
  }

  function hitItem(s, r, h) {
    const li = el('li', 'hit');
    li.dataset.id = h.id;
    const head = el('div', 'hit-head');
    const id = el('span', 'hit-id');
    const link = el('a', null, h.id);
    link.href = pointPath(h.id) + (searchParams(s).toString() ? '?' + searchParams(s).toString() : '');
    link.title = t('open_point');
    link.addEventListener('click', (e) => {
      if (e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        openPoint(h.id);
      }
    });
    id.append(link);
    head.append(id, copyButton(t('copy_id'), () => h.id, 'copy-id'));
    if (canCite) {
      head.append(copyButton(t('copy_citation'), () => citation(h.id, 0), 'copy-citation'));
    }
    if (s.q.trim()) {
      if (h.match === 'all') {
        head.append(el('span', 'badge tier-full', h.phrase ? t('tier_phrase') : t('tier_full')));
      } else {
        head.append(el('span', 'badge tier-partial', h.matched_words === 0 ? t('tier_part') : t('tier_partial', { m: h.matched_words, w: r.words.length })));
      }
    }
    li.append(head);
    const meta = el('div', 'meta');
    const parts = [valueLabel('region', h.region), valueLabel('sector', h.sector), h.date || t('unknown'),
      valueLabel('type', h.type), t('confidence') + ' ' + (h.confidence === null ? t('unknown') : h.confidence.toFixed(2))];
    meta.append(document.createTextNode(parts.join(' · ') + ' · '));
    meta.append(el('span', 'badge status-' + h.status, valueLabel('status', h.status)));
    if (typeof h.evidence_window === 'string' && h.evidence_window) {
      meta.append(document.createTextNode(' '), el('span', 'badge ewin-' + h.evidence_window, valueLabel('evidence_window', h.evidence_window)));
    }
    for (const f of h.flags || []) {
      meta.append(document.createTextNode(' '), el('span', 'badge flag', f));
    }
    li.append(meta);
    if (h.evidence && h.evidence.length) {
      const ul = el('ul', 'evidence');
      for (const e of h.evidence) {
        ul.append(evidenceItem(e));
      }
      li.append(ul);
    }
    if (h.snippet) {
      const p = el('div', 'snippet');
      appendMarked(p, h.snippet);
      li.append(p);
    }
    li.append(el('div', 'file', h.file + ':' + h.line));
    return li;
  }

  function evidenceItem(e) {
    const li = el('li');
    const title = el('span', 'ev-title');
    appendMarked(title, e.title || '');
    li.append(title);
    if (e.time) {
      li.append(el('span', 'ev-time', e.time));
    }
    evidenceBadges(li, e);
    if (e.snippet) {
      const p = el('div', 'snippet');
      appendMarked(p, e.snippet);
      li.append(p);
    }
    if (e.sources && e.sources.length) {
      li.append(sourcesLine(e.sources));
    }
    return li;
  }

  // What the evidence checks say of an item, when the index has them: inside or outside the
  // window around the turning point's date (or undated), and sources without a URL or with only a
  // site's home page.
  function evidenceBadges(li, e) {
    if (typeof e.window === 'string' && e.window) {
      li.append(document.createTextNode(' '), el('span', 'badge window-' + e.window, valueLabel('window', e.window)));
    }
    for (const c of Array.isArray(e.checks) ? e.checks : []) {
      li.append(document.createTextNode(' '), el('span', 'badge check', valueLabel('check', String(c))));
    }
    if (e.duplicate === true || (typeof e.duplicate_of === 'string' && e.duplicate_of)) {
      li.append(document.createTextNode(' '), el('span', 'badge duplicate', t('duplicate')));
    }
  }

  function sourcesLine(sources) {
    const div = el('div', 'sources');
    for (const src of sources) {
      const url = safeUrl(src.url);
      const label = src.title || src.url || '';
      if (url) {
        const a = el('a', null, label);
        a.href = url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        a.title = url;
        div.append(a);
      } else {
        // Not http(s) (javascript:, data:, a bare word): shown as text, never a link.
        div.append(el('span', 'unsafe-url', label + (src.title && src.url ? ' (' + src.url + ')' : '')));
      }
    }
    return div;
  }

  // The URL when it is http or https, else null.
  function safeUrl(text) {
    if (typeof text !== 'string' || !text) {
      return null;
    }
    let u;
    try {
      u = new URL(text);
    } catch (e) {
      return null;
    }
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  }

  // Text with the API's **...** highlight markers, as text nodes and <mark> elements.
  function appendMarked(parent, text) {
    const parts = String(text).split('**');
    if (parts.length % 2 === 0) {
      parent.append(document.createTextNode(text)); // unbalanced: a ** of the report's own
      return;
    }
    parts.forEach((part, i) => {
      if (!part) {
        return;
      }
      parent.append(i % 2 === 1 ? el('mark', null, part) : document.createTextNode(part));
    });
  }

  function copyButton(label, text, className) {
    const b = el('button', 'copy ' + className, label);
    b.type = 'button';
    b.addEventListener('click', async () => {
      let value;
      try {
        value = await text();
      } catch (e) {
        b.textContent = t('error', { e: e.message });
        return;
      }
      try {
        await navigator.clipboard.writeText(value);
      } catch (e) {
        const area = el('textarea');
        area.value = value;
        document.body.append(area);
        area.select();
        document.execCommand('copy');
        area.remove();
      }
      b.dataset.copied = value;
      b.textContent = t('copied');
      setTimeout(() => {
        b.textContent = label;
      }, 1200);
    });
    return b;
  }

  function renderPager(s, r) {
    const pages = Math.max(1, Math.ceil((r.total + (r.match === 'all' ? r.partial_total : 0)) / PAGE_SIZE));
    const shownPages = Math.min(pages, 500);
    $('pager').hidden = shownPages <= 1;
    $('page-info').textContent = t('page', { p: s.page, n: shownPages });
    $('prev').disabled = s.page <= 1;
    $('next').disabled = s.page >= shownPages || r.hits.length < s.page * PAGE_SIZE;
  }

  function turnPage(delta) {
    const next = copyState(state);
    next.page = Math.max(1, state.page + delta);
    go(next, true);
    window.scrollTo(0, 0);
  }

  function openPoint(id) {
    const next = copyState(state);
    next.view = 'point';
    next.id = id;
    go(next, true);
    window.scrollTo(0, 0);
  }

  // ------------------------------------------------------------------ the timeline

  function loadECharts() {
    if (window.echarts) {
      return Promise.resolve(window.echarts);
    }
    if (!echartsLoading) {
      echartsLoading = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = document.documentElement.dataset.echarts;
        script.onload = () => resolve(window.echarts);
        script.onerror = () => reject(new Error('cannot load ECharts'));
        document.head.append(script);
      });
    }
    return echartsLoading;
  }

  const TYPE_COLOURS = { Policy: '#0b5cad', Event: '#d1495b', Seasonal: '#2a9d8f', Trend: '#8d6cab', Unknown: '#8c959f' };
  const STATUS_COLOURS = { found: '#1a7f37', none: '#8c959f', failed: '#cf222e' };
  const WINDOW_COLOURS = { 'all-in-window': '#1a7f37', 'some-out-of-window': '#bf8700', 'all-out-of-window': '#cf222e',
    'no-dated-evidence': '#8c959f', 'no-evidence': '#d0d7de' };

  async function drawTimeline(s, tl, result) {
    let echarts;
    try {
      echarts = await loadECharts();
    } catch (e) {
      $('timeline-note').textContent = e.message;
      return;
    }
    if (state !== s) {
      return;
    }
    const box = $('timeline');
    const chart = echarts.getInstanceByDom(box) || echarts.init(box);
    const rowOf = (h) => valueLabel(s.rows, s.rows === 'sector' ? h.sector : h.region);
    const keyOf = (h) => (s.colour === 'status' ? h.status : s.colour === 'window' ? h.evidence_window || 'unknown' : h.type);
    const colourDim = s.colour === 'window' ? 'evidence_window' : s.colour;
    // The points the result counts: those with every word (the tier-3 ones that fill a page
    // are left out), or those with some when no point has every word.
    const points = tl.hits.filter((h) => tl.match !== 'all' || h.match === 'all');
    const dated = points.filter((h) => /^\d{4}-\d{2}-\d{2}$/.test(h.date || ''));
    const rows = Array.from(new Set(dated.map(rowOf))).sort();
    const keys = Array.from(new Set(dated.map(keyOf))).sort();
    const years = new Map();
    for (const h of dated) {
      const y = h.date.substring(0, 4);
      years.set(y, (years.get(y) || 0) + 1);
    }
    // Exact counts per year from the facets when the timeline has only part of the result and no
    // year filter narrows the year counts' meaning (they are drill-sideways).
    const cut = tl.total > points.length;
    if (cut && result.facets && result.facets.year && !(s.filters.year || []).length) {
      years.clear();
      for (const c of result.facets.year) {
        if (/^\d{4}$/.test(c.value)) {
          years.set(c.value, c.count);
        }
      }
    }
    const notes = [];
    if (cut) {
      notes.push(t('timeline_note_cut', { n: points.length, t: tl.total }));
    }
    if (dated.length < points.length) {
      notes.push(t('timeline_note_undated', { n: points.length - dated.length }));
    }
    $('timeline-note').textContent = notes.join('; ');
    const yearList = Array.from(years.keys()).sort();
    const first = yearList.length ? parseInt(yearList[0], 10) : new Date().getFullYear();
    const last = yearList.length ? parseInt(yearList[yearList.length - 1], 10) : first;
    const minTime = Date.UTC(first, 0, 1);
    const maxTime = Date.UTC(last + 1, 0, 1);
    const height = 110 + Math.max(1, rows.length) * 26 + 40;
    box.style.height = height + 'px';
    chart.resize();
    const colours = s.colour === 'status' ? STATUS_COLOURS : s.colour === 'window' ? WINDOW_COLOURS : TYPE_COLOURS;
    const series = keys.map((k) => ({
      name: valueLabel(colourDim, k),
      type: 'scatter',
      xAxisIndex: 1,
      yAxisIndex: 1,
      symbolSize: 11,
      itemStyle: { color: colours[k] || '#57606a', opacity: 0.85 },
      emphasis: { scale: 1.6 },
      data: dated.filter((h) => keyOf(h) === k).map((h) => ({ value: [h.date, rowOf(h)], id: h.id, hit: h }))
    }));
    series.push({
      name: t('count'),
      type: 'bar',
      xAxisIndex: 0,
      yAxisIndex: 0,
      barMaxWidth: 40,
      barWidth: Math.max(4, Math.floor((box.clientWidth - 160) / Math.max(1, last - first + 1) * 0.6)),
      itemStyle: { color: '#9cb4cc' },
      label: { show: true, position: 'top', fontSize: 10 },
      data: yearList.map((y) => ({ value: [Date.UTC(parseInt(y, 10), 6, 1), years.get(y)], year: y }))
    });
    chart.setOption({
      animation: false,
      legend: { top: 0, data: keys.map((k) => valueLabel(colourDim, k)) },
      grid: [
        { left: 130, right: 24, top: 40, height: 60 },
        { left: 130, right: 24, top: 114, bottom: 30 }
      ],
      xAxis: [
        { type: 'time', gridIndex: 0, min: minTime, max: maxTime, axisLabel: { show: false }, splitLine: { show: false } },
        { type: 'time', gridIndex: 1, min: minTime, max: maxTime, splitNumber: Math.min(12, last - first + 1) }
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, minInterval: 1, splitNumber: 2 },
        { type: 'category', gridIndex: 1, data: rows, inverse: true, axisLabel: { width: 120, overflow: 'truncate' },
          splitLine: { show: true, lineStyle: { color: '#eaeef2' } } }
      ],
      tooltip: { trigger: 'item', renderMode: 'html', confine: true, formatter: tooltip },
      series: series
    }, true);
    chart.off('click');
    chart.on('click', (p) => {
      if (p.seriesType === 'scatter' && p.data && p.data.id) {
        openPoint(p.data.id);
      } else if (p.seriesType === 'bar' && p.data && p.data.year) {
        const next = copyState(state);
        if (!(next.filters.year || []).includes(p.data.year)) {
          add(next.filters, 'year', p.data.year);
          next.page = 1;
          go(next, true);
        }
      }
    });
    document.body.dataset.timeline = String((parseInt(document.body.dataset.timeline || '0', 10) || 0) + 1);
  }

  // A tooltip as elements made here (ECharts would parse a string as HTML).
  function tooltip(p) {
    const div = el('div');
    if (p.seriesType === 'bar') {
      div.append(el('div', null, p.data.year + ': ' + p.data.value[1] + ' ' + t('count')));
      return div;
    }
    const h = p.data.hit;
    div.append(el('div', 'tooltip-id', h.id));
    div.append(el('div', null, [h.date, valueLabel('type', h.type), valueLabel('status', h.status)].join(' · ')));
    if (h.evidence && h.evidence.length) {
      div.append(el('div', null, String(h.evidence[0].title || '').split('**').join('')));
    }
    return div;
  }

  // ------------------------------------------------------------------ one point

  async function showPoint(s) {
    const mine = ++sequence;
    $('results').hidden = true;
    $('facets').hidden = true;
    const box = $('point');
    box.hidden = false;
    box.replaceChildren(el('p', null, t('loading')));
    document.title = s.id + ' — tpsearch';
    let p;
    try {
      p = await getJson(pointPath(s.id));
      canCite = await citations;
    } catch (e) {
      if (mine === sequence) {
        box.replaceChildren(backLink(s), el('p', 'error', e.status === 404 ? t('no_point', { id: s.id }) : t('error', { e: e.message })));
        document.body.dataset.point = s.id;
      }
      return;
    }
    if (mine !== sequence) {
      return;
    }
    learnNames([p]);
    renderPoint(s, p);
    markPainted();
    document.body.dataset.point = s.id;
  }

  function backLink(s) {
    const back = copyState(s);
    back.view = 'search';
    back.id = null;
    const a = el('a', 'back', t('back'));
    a.href = pageUrl(back);
    a.addEventListener('click', (e) => {
      if (e.button === 0 && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        go(back, true);
      }
    });
    return a;
  }

  function renderPoint(s, p) {
    const box = $('point');
    box.replaceChildren();
    box.append(backLink(s));
    const h1 = el('h1');
    h1.append(el('span', 'hit-id', p.id), document.createTextNode(' '), copyButton(t('copy_id'), () => p.id, 'copy-id'));
    box.append(h1);
    const dl = el('dl');
    const row = (k, v) => {
      dl.append(el('dt', null, k));
      const dd = el('dd');
      if (v instanceof Node) {
        dd.append(v);
      } else {
        dd.textContent = v;
      }
      dl.append(dd);
    };
    row(dimLabel('region'), valueLabel('region', p.region));
    row(dimLabel('sector'), valueLabel('sector', p.sector));
    row(t('date'), p.date || t('unknown'));
    row(dimLabel('type'), valueLabel('type', p.type));
    row(t('confidence'), p.confidence === null ? t('unknown') : p.confidence.toFixed(2));
    row(dimLabel('status'), el('span', 'badge status-' + p.status, valueLabel('status', p.status)));
    row(t('file'), p.file + ':' + p.line);
    if (p.flags && p.flags.length) {
      row(t('flags'), p.flags.join(', '));
    }
    box.append(dl);
    (p.evidence || []).forEach((it, i) => {
      const item = el('section', 'item');
      item.append(el('h2', 'ev-title', it.title || ''));
      if (canCite) {
        item.append(copyButton(t('copy_citation'), () => citation(p.id, i + 1), 'copy-citation'));
      }
      if (it.time) {
        item.append(el('div', 'ev-time', it.time + (it.dates && it.dates.from
          ? ' (' + it.dates.from + (it.dates.to && it.dates.to !== it.dates.from ? ' – ' + it.dates.to : '') + ')' : '')));
      }
      evidenceBadges(item, it);
      if (it.fields && it.fields.length) {
        const fl = el('dl');
        for (const f of it.fields) {
          fl.append(el('dt', null, f.label), el('dd', null, f.value));
        }
        item.append(fl);
      }
      if (it.sources && it.sources.length) {
        item.append(sourcesLine(it.sources));
      }
      if (Array.isArray(it.also_cited_under) && it.also_cited_under.length) {
        const also = el('div', 'also-cited', t('also_cited') + ' ');
        it.also_cited_under.forEach((id, k) => {
          if (k > 0) {
            also.append(document.createTextNode(', '));
          }
          also.append(pointLink(id));
        });
        item.append(also);
      }
      if (Array.isArray(it.same_event_under)) {
        // The weaker relation, apart from exact duplicates: the same event by content, with why.
        it.same_event_under.forEach((r) => {
          const same = el('div', 'also-cited', t('same_event') + ' ');
          same.append(pointLink(r.ref), document.createTextNode(' — ' + r.why.join(' · ')));
          item.append(same);
        });
      }
      box.append(item);
    });
    if (p.prose) {
      box.append(el('h2', null, t('prose')), el('p', 'prose', p.prose));
    }
    if (p.answer) {
      const details = el('details');
      details.append(el('summary', null, t('answer')), el('pre', null, p.answer));
      box.append(details);
    }
  }

  // The BibTeX references of a point's items (item 0: all of them), as `tpsearch cite` writes them.
  async function citation(id, item) {
    const p = new URLSearchParams({ format: 'bibtex' });
    if (item > 0) {
      p.set('item', String(item));
    }
    return (await getJson(pointPath(id) + '/cite?' + p.toString())).text;
  }

  // ------------------------------------------------------------------ export

  async function exportResult(kind) {
    const r = await getJson(apiUrl(state, { limit: String(EXPORT_LIMIT), facets: 'false' }));
    let blob;
    if (kind === 'json') {
      blob = new Blob([JSON.stringify(r, null, 2)], { type: 'application/json' });
    } else {
      const head = ['id', 'region', 'region_zh', 'sector', 'sector_zh', 'date', 'type', 'confidence', 'status', 'match',
        'file', 'line', 'evidence_titles', 'source_urls'];
      const lines = [head.join(',')];
      for (const h of r.hits) {
        const titles = (h.evidence || []).map((e) => String(e.title || '').split('**').join('')).join(' | ');
        const urls = (h.evidence || []).flatMap((e) => (e.sources || []).map((x) => x.url)).join(' ');
        lines.push([h.id, h.region, h.region_zh, h.sector, h.sector_zh, h.date, h.type,
          h.confidence === null ? '' : h.confidence, h.status, h.match, h.file, h.line, titles, urls].map(csvCell).join(','));
      }
      blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    }
    const a = el('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'tpsearch-result.' + kind;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  }

  // One CSV cell; a cell a spreadsheet would read as a formula starts with a quote mark.
  function csvCell(v) {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) {
      s = "'" + s;
    }
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  // ------------------------------------------------------------------ language

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    for (const e of document.querySelectorAll('[data-i18n]')) {
      e.textContent = t(e.dataset.i18n);
    }
    for (const e of document.querySelectorAll('[data-i18n-placeholder]')) {
      e.placeholder = t(e.dataset.i18nPlaceholder);
    }
    $('lang').textContent = t('lang_button');
  }

  // ------------------------------------------------------------------ wiring

  function start() {
    applyLanguage();
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(typingTimer);
      const next = copyState(state);
      next.q = $('q').value.trim();
      next.view = 'search';
      next.page = 1;
      go(next, next.q !== state.q || state.view !== 'search');
    });
    $('q').addEventListener('input', () => {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => {
        const q = $('q').value.trim();
        if (q === state.q && state.view === 'search') {
          return;
        }
        const next = copyState(state);
        next.q = q;
        next.view = 'search';
        next.page = 1;
        go(next, false); // typing replaces the entry; Enter, clicks and chips add one
      }, DEBOUNCE_MS);
    });
    $('sort').addEventListener('change', () => {
      const next = copyState(state);
      next.sort = $('sort').value;
      next.page = 1;
      go(next, true);
    });
    $('rows').addEventListener('change', () => {
      const next = copyState(state);
      next.rows = $('rows').value;
      go(next, false);
    });
    $('colour').addEventListener('change', () => {
      const next = copyState(state);
      next.colour = $('colour').value;
      go(next, false);
    });
    $('collapse').addEventListener('change', () => {
      const next = copyState(state);
      next.collapse = $('collapse').checked;
      next.page = 1;
      go(next, true);
    });
    $('prev').addEventListener('click', () => turnPage(-1));
    $('next').addEventListener('click', () => turnPage(1));
    $('export-csv').addEventListener('click', () => exportResult('csv'));
    $('export-json').addEventListener('click', () => exportResult('json'));
    $('lang').addEventListener('click', () => {
      lang = lang === 'zh' ? 'en' : 'zh';
      try {
        window.localStorage.setItem('tpsearch.lang', lang);
      } catch (e) {
        // not remembered, still switched
      }
      applyLanguage();
      show(state);
    });
    $('home').addEventListener('click', (e) => {
      if (e.button === 0 && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        go(emptyState(), true);
      }
    });
    window.addEventListener('popstate', () => {
      clearTimeout(typingTimer); // a search typed before Back must not replace the state Back restored
      show(readState(location));
    });
    // Asked once, beside the first search: whether this server writes citations.
    citations = getJson('/').then((r) => Boolean(r && r.endpoints && r.endpoints['/points/{id}/cite']), () => false);
    window.addEventListener('resize', () => {
      const box = $('timeline');
      if (window.echarts && window.echarts.getInstanceByDom(box)) {
        window.echarts.getInstanceByDom(box).resize();
      }
    });
    show(readState(location));
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
