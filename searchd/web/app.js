'use strict';
// tracuu's web page: a thin client of searchd's JSON API (README, "Serving"). Its state lives
// in the URL's fragment (#/?q=…, #/doc/ID, #/ref/NUMBER, #/check), so a result can be linked,
// bookmarked and reached with Back. Every value from the index goes into the page as text,
// never as HTML; snippets, which the API escapes and marks, are rebuilt from their <mark> tags.

const PAGE_SIZE = 10;
const FILTERS = ['lang', 'type', 'issuer', 'ref', 'year', 'from', 'to', 'sort'];
const FACETS = [['type', 'Loại · Type'], ['issuer', 'Cơ quan · Issuer'], ['year', 'Năm · Year'], ['lang', 'Ngôn ngữ · Language']];
const LANGUAGES = { vi: 'Tiếng Việt', en: 'English' };
const languageName = (code) => (code ? LANGUAGES[code] || code : '');
const RELATIONS = {
  based_on: 'căn cứ · based on', implements: 'thực hiện · implements', amends: 'sửa đổi · amends',
  replaces: 'thay thế · replaces', repeals: 'bãi bỏ · repeals', guides: 'hướng dẫn · guides', cites: 'trích dẫn · cites',
};

const view = document.getElementById('view');
const form = document.getElementById('search-form');
const queryBox = document.getElementById('q');
let renderCount = 0;  // a view whose data arrives after the user moved on is dropped

// --- small DOM helpers ---

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// Diacritics and case away, đ as d: what the index calls folded.
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&apos;': "'" };
const unescapeHtml = (text) => text.replace(/&(?:lt|gt|amp|quot|#39|apos);/g, (entity) => ENTITIES[entity]);

// A snippet is escaped text with <mark>…</mark> around matches: its only tags.
function snippetNode(snippet) {
  const paragraph = el('p', { class: 'snippet' });
  let marked = false;
  for (const part of (snippet || '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) paragraph.append(marked ? el('mark', { text: unescapeHtml(part) }) : unescapeHtml(part));
  }
  return paragraph;
}

// Only web addresses become links: a stored url of another scheme (javascript:) stays text.
function externalLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return el('a', { href: parsed.href, rel: 'noopener noreferrer', text: parsed.host + parsed.pathname });
  } catch (_) { /* not a URL */ }
  return el('span', { text: url });
}

// A document opened from a search carries the query (?q=), whose words its text then marks.
const documentHref = (id, query) => '#/doc/' + encodeURIComponent(id) + (query ? '?' + new URLSearchParams({ q: query }) : '');
const referenceHref = (reference) => '#/ref/' + encodeURIComponent(reference);
const referenceLink = (reference) => el('a', { href: referenceHref(reference), class: 'reference', text: reference });
const documentLink = (id, title, query) => el('a', { href: documentHref(id, query), text: title || id });
const bilingual = (vi, en) => [vi, en].filter(Boolean).join(' · ');

function searchHref(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '' && value !== null) query.set(name, value);
  return '#/?' + query.toString();
}

function showError(error) {
  view.replaceChildren(el('p', { class: 'error', role: 'alert', text: error.message }));
}

// --- the API ---

async function api(path, options) {
  const response = await fetch(path, options);
  let body;
  try {
    body = await response.json();
  } catch (_) {
    throw new Error(`${path}: HTTP ${response.status}`);
  }
  if (!response.ok) throw new Error(body.error ? body.error.message : `HTTP ${response.status}`);
  return body;
}

const post = (path, payload) => api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });

// --- routing ---

function parseRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const question = hash.indexOf('?');
  const path = question < 0 ? hash : hash.slice(0, question);
  const params = Object.fromEntries(new URLSearchParams(question < 0 ? '' : hash.slice(question + 1)));
  if (path.startsWith('/doc/')) return { view: 'document', id: decodeURIComponent(path.slice(5)), params };
  if (path.startsWith('/ref/')) return { view: 'reference', reference: decodeURIComponent(path.slice(5)), params };
  if (path === '/check') return { view: 'check' };
  return { view: 'search', params };
}

async function render() {
  const ticket = ++renderCount;
  let route;
  try {
    route = parseRoute();
  } catch (error) {  // a hand-edited address with a bad %-escape
    route = { view: 'search', params: {} };
  }
  for (const link of document.querySelectorAll('.top nav a')) {
    if (link.dataset.view === (route.view === 'check' ? 'check' : 'search')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  form.hidden = route.view === 'check';
  if (route.view === 'search') fillForm(route.params);
  view.replaceChildren(el('p', { class: 'muted', text: 'Đang tải · Loading…' }));
  try {
    const content = route.view === 'document' ? await documentView(route.id, route.params)
      : route.view === 'reference' ? await referenceView(route.reference, route.params)
      : route.view === 'check' ? checkView()
      : route.params.q ? await searchView(route.params) : await homeView();
    if (ticket === renderCount) view.replaceChildren(content);
  } catch (error) {
    if (ticket === renderCount) showError(error);
  }
}

// --- search ---

function fillForm(params) {
  queryBox.value = params.q || '';
  for (const name of FILTERS) form.elements[name].value = params[name] || '';
  if (FILTERS.some((name) => name !== 'sort' && params[name])) document.getElementById('filters').open = true;
}

function formParams() {
  const params = { q: queryBox.value.trim() };
  for (const name of FILTERS) params[name] = form.elements[name].value.trim();
  return params;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = formParams();
  if (!params.q) { queryBox.focus(); return; }
  const target = searchHref(params);
  if (location.hash === target) render(); else location.hash = target;
});

async function searchView(params) {
  const offset = Math.max(0, parseInt(params.offset || '0', 10) || 0);
  const request = new URLSearchParams({ q: params.q, limit: PAGE_SIZE, offset, facets: 'true' });
  for (const name of FILTERS) if (params[name]) request.set(name, params[name]);
  const answer = await api('/search?' + request.toString());
  document.title = `${params.q} – tracuu`;

  const results = el('div', { class: 'results' });
  results.append(el('p', { class: 'summary', text: `${answer.total} kết quả · results (${answer.took_ms.toFixed(1)} ms)` }));
  const chips = FILTERS.filter((name) => params[name]).map((name) =>
    el('span', { class: 'chip' }, `${name}: ${params[name]}`,
      el('button', { type: 'button', 'aria-label': `remove ${name}`, text: '×', onclick: () => { location.hash = searchHref({ ...params, [name]: '', offset: '' }); } })));
  if (chips.length) results.append(el('div', { class: 'chips' }, chips));
  if (answer.numbers_not_found) {
    const numbers = answer.numbers_not_found.join(', ');
    results.append(el('p', { class: 'numbers-not-found',
      text: `Không có văn bản nào là hoặc trích dẫn ${numbers} · No document is or cites ${numbers}` }));
  }
  if (answer.did_you_mean) {
    results.append(el('p', { class: 'did-you-mean' }, 'Có phải bạn muốn tìm · Did you mean: ',
      el('a', { href: searchHref({ ...params, q: answer.did_you_mean, offset: '' }), text: answer.did_you_mean }),
      answer.did_you_mean_total ? ` (${answer.did_you_mean_total})` : ''));
  }
  if (answer.hits.length === 0) results.append(el('p', { text: 'Không có kết quả · No documents match.' }));
  results.append(el('ol', { class: 'hits', start: offset + 1 }, answer.hits.map((hit) => hitNode(hit, params.q))));

  const pager = el('nav', { class: 'pager', 'aria-label': 'pages' });
  if (offset > 0) pager.append(el('a', { href: searchHref({ ...params, offset: Math.max(0, offset - PAGE_SIZE) || '' }), rel: 'prev', text: '← Trước · Previous' }));
  if (answer.total > offset + answer.hits.length) {
    pager.append(el('span', { class: 'muted', text: `${offset + 1}–${offset + answer.hits.length} / ${answer.total}` }));
    pager.append(el('a', { href: searchHref({ ...params, offset: offset + PAGE_SIZE }), rel: 'next', text: 'Sau · Next →' }));
  }
  results.append(pager);
  // The results before the facets: what a reader, a keyboard or a screen reader reaches first,
  // and on a phone's one column what shows first (app.css puts the facets left on a wide screen).
  return el('div', { class: 'layout' }, results, facetsNode(answer.facets || {}, params));
}

// "Điều 173 · Bộ luật Hình sự": which article of which law a document is.
function lawArticle(doc) {
  return doc.article ? `Điều ${doc.article} · ${doc.law}` : doc.law;
}

function hitNode(hit, query) {
  return el('li', { class: 'hit' },
    el('h2', {}, documentLink(hit.id, hit.title, query)),
    el('div', { class: 'meta' },
      hit.law && el('span', { class: 'law', text: lawArticle(hit) }),
      hit.date && el('span', { class: 'date', text: hit.date }),
      hit.lang && el('span', { text: languageName(hit.lang) }),
      hit.url && externalLink(hit.url),
      hit.references.length > 0 && el('span', { class: 'references' }, hit.references.flatMap((reference, i) => [i ? ', ' : '', referenceLink(reference)]))),
    snippetNode(hit.snippet));
}

function facetsNode(facets, params) {
  const aside = el('aside', { class: 'facets', 'aria-label': 'facets' });
  for (const [name, heading] of FACETS) {
    const values = facets[name] || [];
    if (values.length === 0) continue;
    aside.append(el('h3', { text: heading }), el('ul', {}, values.slice(0, 12).map((value) => {
      const label = name === 'lang' ? languageName(value.value) : bilingual(value.name_vi, value.name_en) || value.value;
      const current = params[name] === value.value;
      return el('li', {},
        current ? el('strong', { text: label }) : el('a', { href: searchHref({ ...params, [name]: value.value, offset: '' }), 'data-facet': name, text: label }),
        el('span', { class: 'count', text: value.count }));
    })));
  }
  return aside;
}

// The query language (README, "Queries"), one example a feature.
const QUERY_EXAMPLES = [
  ['nghi quyet 126', 'có dấu hoặc không · with or without diacritics'],
  ['"thi hành pháp luật"', 'cụm từ · a phrase'],
  ['Resolution No. 126/NQ-CP', 'số hiệu, viết kiểu nào cũng được · a document number, however written'],
  ['ref:126/NQ-CP', 'văn bản trích dẫn số này · documents citing it'],
  ['type:"nghị định" xử phạt', 'theo loại văn bản · by document type (issuer:, lang:, title:)'],
  ['year:2020..2023 lợi ích nhóm', 'theo năm hoặc ngày · by year or date:2023-01-01..2023-06-30'],
  ['thi hà*', 'tiền tố · a prefix'],
  ['(đất OR income) AND NOT luật', 'toán tử · operators (+word, -word)'],
];

async function homeView() {
  document.title = 'tracuu';
  const [health, cited] = await Promise.all([api('/health'), api('/references?limit=15')]);
  const list = el('ul', {}, cited.references.map((reference) => el('li', {},
    referenceLink(reference.reference), ' ', el('span', { class: 'muted', text: bilingual(reference.type && reference.type.vi, reference.type && reference.type.en) }),
    ` — ${reference.citing} văn bản trích dẫn · citing`)));
  return el('div', {},
    el('p', { class: 'summary', text: `${health.documents} văn bản trong chỉ mục · documents in the index` }),
    el('section', { class: 'examples' }, el('h2', { text: 'Cách tìm · How to search' }),
      el('ul', {}, QUERY_EXAMPLES.map(([query, what]) => el('li', {},
        el('a', { href: searchHref({ q: query }), text: query }), ' ', el('span', { class: 'muted', text: what }))))),
    el('section', {}, el('h2', { text: 'Được trích dẫn nhiều nhất · Most cited' }),
      cited.references.length ? list : el('p', { class: 'muted', text: '—' })));
}

// --- one document ---

async function documentView(id, params = {}) {
  // Opened from a search, the daemon says where the text matches the query: it analyzes the
  // text as search does (stems, folding, words, numbers however written, phrases). A query it
  // cannot read (an address edited by hand) leaves the text unmarked.
  const path = '/documents/' + encodeURIComponent(id);
  const doc = params.q ? await api(`${path}?${new URLSearchParams({ q: params.q })}`).catch(() => api(path)) : await api(path);
  document.title = `${doc.title || doc.id} – tracuu`;
  const fields = el('dl', { class: 'fields' });
  const field = (label, value) => { if (value !== null && value !== undefined && value !== '') fields.append(el('dt', { text: label }), el('dd', {}, value)); };
  field('Số · Number', doc.number && referenceLink(doc.number));
  field('Điều luật · Article', doc.law && lawArticle(doc));
  field('Ngày · Date', doc.date);
  field('Ngôn ngữ · Language', languageName(doc.lang));
  field('Tác giả · Author', doc.author);
  field('Địa phương · Locality', doc.locality);
  field('Nguồn · Source', doc.url && externalLink(doc.url));
  field('Tệp · File', doc.source);
  for (const [name, value] of Object.entries(doc.fields || {})) field(name, typeof value === 'string' ? value : JSON.stringify(value));

  const page = el('article', { class: 'document' }, el('h1', { text: doc.title || doc.id }), fields);
  if (doc.citations.length) {
    page.append(el('section', { class: 'citations' }, el('h2', { text: 'Văn bản được trích dẫn · Cites' }),
      el('ul', {}, doc.citations.map((citation) => el('li', {}, referenceLink(citation.reference),
        ` — ${RELATIONS[citation.relation] || citation.relation}`,
        citation.issued ? `, ${citation.issued}` : '', citation.locality ? `, ${citation.locality}` : '')))));
  }
  const [citing, related] = await Promise.all([
    doc.number ? api(`/references/${encodeURIComponent(doc.number)}?limit=20`).catch(() => null) : null,
    api(`/documents/${encodeURIComponent(doc.id)}/related?limit=5`).catch(() => null),
  ]);
  if (citing && citing.total > 0) page.append(citingSection('Được trích dẫn bởi · Cited by', citing));
  else if (doc.cited_by && doc.cited_by.total > 0) {
    page.append(el('section', { class: 'cited-by' }, el('h2', { text: `Được trích dẫn bởi · Cited by (${doc.cited_by.total})` }),
      el('ul', {}, doc.cited_by.documents.map((citingId) => el('li', {}, documentLink(citingId))))));
  }
  if (related && related.related.length) {
    page.append(el('section', { class: 'related' }, el('h2', { text: 'Văn bản liên quan · Related' }),
      el('ul', {}, related.related.map((hit) => el('li', {}, documentLink(hit.id, hit.title), ' ',
        el('span', { class: 'muted', text: [hit.date, languageName(hit.lang), whyText(hit.why)].filter(Boolean).join(' · ') }))))));
  }
  page.append(textNode(doc.text, doc.marks || []));
  return page;
}

// A document's text with the spans the daemon marked (code points of the text, in order),
// the view brought to the first.
function textNode(text, marks) {
  const node = el('div', { class: 'text' });
  if (marks.length === 0) {
    node.textContent = text;
    return node;
  }
  // Code points to UTF-16 indexes: a character outside the BMP is two of the string's units.
  const unitAt = [];
  let unit = 0;
  for (const character of text) {
    unitAt.push(unit);
    unit += character.length;
  }
  unitAt.push(unit);
  let at = 0, marked = 0;
  for (const mark of marks) {
    const begin = unitAt[mark.begin], end = unitAt[mark.end];
    if (begin === undefined || end === undefined || begin < at) continue;
    node.append(text.slice(at, begin), el('mark', { id: marked++ === 0 ? 'first-match' : null, text: text.slice(begin, end) }));
    at = end;
  }
  node.append(text.slice(at));
  if (marked > 0) setTimeout(() => document.getElementById('first-match')?.scrollIntoView({ block: 'center' }), 0);
  return node;
}

// What a related document shares, in a few words: numbers and names first.
function whyText(why) {
  if (!why) return '';
  const shared = [...(why.references || []).map((r) => r.reference), ...(why.names || []).map((n) => n.written || n.name), ...(why.dates || []).map((d) => d.date)];
  return shared.slice(0, 4).join(', ');
}

// The documents citing a number, grouped by how they cite it; a group's further documents
// are pages of the number's own view.
function citingSection(heading, answer) {
  const filter = answer.citing_type ? { type: answer.citing_type } : {};  // a page of legal documents only stays so
  const page = (relation, offset) => `${referenceHref(answer.reference)}?${new URLSearchParams({ relation, offset, limit: answer.limit, ...filter })}`;
  return el('section', { class: 'cited-by' }, el('h2', { text: `${heading} (${answer.total})` }),
    answer.groups.map((group) => el('div', { class: 'group' },
      el('h3', { text: `${RELATIONS[group.relation] || group.relation} (${group.total})` }),
      el('ul', {}, group.documents.map((doc) => el('li', {}, documentLink(doc.id, doc.title), ' ',
        el('span', { class: 'muted', text: [doc.date, languageName(doc.lang), doc.locality].filter(Boolean).join(' · ') })))),
      el('nav', { class: 'pager' },
        answer.offset > 0 ? el('a', { href: page(group.relation, Math.max(0, answer.offset - answer.limit)), rel: 'prev', text: '← Trước · Previous' }) : null,
        answer.offset + group.documents.length < group.total
          ? el('a', { href: page(group.relation, answer.offset + answer.limit), rel: 'next', text: `Sau · Next (${group.total - answer.offset - group.documents.length}) →` }) : null))));
}

// --- one document number ---

async function referenceView(reference, params = {}) {
  const request = new URLSearchParams({ limit: params.limit || 20 });
  if (params.relation) request.set('relation', params.relation);
  if (params.offset) request.set('offset', params.offset);
  if (params.type) request.set('type', params.type);
  const answer = await api(`/references/${encodeURIComponent(reference)}?${request}`);
  document.title = `${answer.reference} – tracuu`;
  const fields = el('dl', { class: 'fields' });
  const field = (label, value) => { if (value) fields.append(el('dt', { text: label }), el('dd', { text: value })); };
  field('Loại · Type', answer.type && bilingual(answer.type.vi, answer.type.en));
  field('Cơ quan · Issuer', answer.issuers.map((issuer) => bilingual(issuer.vi, issuer.en) || issuer.code).join('; '));
  field('Năm · Year', answer.year);
  const page = el('article', { class: 'reference-view' }, el('h1', { text: answer.reference }), fields);
  page.append(el('section', { class: 'held-by' }, el('h2', { text: 'Văn bản này · The document itself' }),
    answer.held_by.length
      ? el('ul', {}, answer.held_by.map((doc) => el('li', {}, documentLink(doc.id, doc.title), ' ',
        el('span', { class: 'muted', text: [doc.date, doc.locality].filter(Boolean).join(' · ') }))))
      : el('p', { class: 'muted', text: 'Chỉ mục không có văn bản này · The index does not hold it.' })));
  // Legal staff want the acts that implement or guide a number, not the articles reporting on them.
  const address = (query) => referenceHref(answer.reference) + (Object.keys(query).length ? `?${new URLSearchParams(query)}` : '');
  const relation = params.relation ? { relation: params.relation } : {};
  page.append(el('p', { class: 'citing-filter' }, answer.citing_type
    ? el('a', { href: address(relation), text: 'Mọi văn bản trích dẫn · All citing documents' })
    : el('a', { href: address({ ...relation, type: '-article' }), text: 'Chỉ văn bản pháp luật · Legal documents only' })));
  page.append(citingSection(answer.citing_type ? 'Được trích dẫn bởi (lọc) · Cited by (filtered)' : 'Được trích dẫn bởi · Cited by', answer));
  if (params.relation) page.append(el('p', {}, el('a', { href: address(answer.citing_type ? { type: answer.citing_type } : {}), text: 'Mọi quan hệ · All relations' })));
  return page;
}

// --- checking sources ---

function checkView() {
  document.title = 'Kiểm tra nguồn – tracuu';
  const text = el('textarea', { id: 'check-text', 'aria-label': 'Text to check', placeholder: 'Dán văn bản · Paste a text: “…”, Nghị quyết 126/NQ-CP…' });
  const output = el('div', { class: 'check-results', 'aria-live': 'polite' });
  const run = async () => {
    output.replaceChildren(el('p', { class: 'muted', text: 'Đang kiểm tra · Checking…' }));
    try {
      output.replaceChildren(checkResults(await post('/check', { text: text.value })));
    } catch (error) {
      output.replaceChildren(el('p', { class: 'error', role: 'alert', text: error.message }));
    }
  };
  return el('div', { class: 'check' },
    el('p', { class: 'muted', text: 'Số hiệu văn bản và trích dẫn trong văn bản, đối chiếu với chỉ mục · Document numbers and quotations in a text, checked against the index.' }),
    text, el('p', {}, el('button', { type: 'button', id: 'check-button', onclick: run, text: 'Kiểm tra · Check' })), output);
}

function checkResults(answer) {
  const references = el('section', { class: 'check-references' }, el('h2', { text: `Số hiệu · Document numbers (${answer.references.length})` }));
  references.append(answer.references.length === 0 ? el('p', { class: 'muted', text: '—' }) : el('ul', {}, answer.references.map((reference) => el('li', {},
    referenceLink(reference.reference), ' ',
    el('span', { class: 'muted', text: [bilingual(reference.type_vi, reference.type_en), RELATIONS[reference.relation] || reference.relation, reference.issued, reference.locality].filter(Boolean).join(' · ') }),
    ' — ',
    reference.document ? documentLink(reference.document, 'trong chỉ mục · in the index')
      : el('span', { text: reference.ambiguous ? 'nhiều văn bản cùng số · several documents hold this number' : 'không có trong chỉ mục · not in the index' }),
    `, ${reference.cited_by} văn bản trích dẫn · citing`))));
  const quotes = el('section', { class: 'check-quotes' }, el('h2', { text: `Trích dẫn · Quotations (${answer.quotes.length})` }));
  quotes.append(answer.quotes.length === 0 ? el('p', { class: 'muted', text: '—' }) : el('ul', {}, answer.quotes.map((quote) => el('li', {},
    el('q', { text: quote.text }), quote.spans.length > 1 ? ` ×${quote.spans.length}` : '', ` — ${quote.found ? `${quote.found} văn bản · documents` : 'không tìm thấy nguyên văn · not found word for word'}`,
    el('ul', {}, quote.documents.map((doc) => el('li', {}, documentLink(doc.id, doc.title, `"${quote.text}"`),
      doc.date ? ` · ${doc.date}` : '', doc.url ? [' · ', externalLink(doc.url)] : '', snippetNode(doc.snippet))))))));
  const truncated = answer.truncated
    ? el('p', { class: 'muted', role: 'note', text: 'Văn bản quá dài: chỉ kiểm tra 100 số hiệu và 100 trích dẫn đầu tiên · Text too long: only the first 100 numbers and 100 quotations were checked.' })
    : null;
  return el('div', {}, truncated, references, quotes);
}

// --- completion as the user types ---

// A completion replaces the last words it begins with: "thi h" → "thi hành", but "luật h" →
// "luật hiệu quả".
function completedQuery(typed, completion) {
  const words = typed.split(/\s+/).filter(Boolean);
  let replaced = Math.min(words.length, completion.split(/\s+/).length);
  while (replaced > 1 && !fold(completion).startsWith(fold(words.slice(-replaced).join(' ')))) --replaced;
  return [...words.slice(0, words.length - replaced), completion].join(' ');
}

let suggestTimer = null;
let suggestTicket = 0;
queryBox.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  const typed = queryBox.value;
  if (!typed.trim() || /\s$/.test(typed)) return;
  suggestTimer = setTimeout(async () => {
    const ticket = ++suggestTicket;
    try {
      const answer = await api('/suggest?' + new URLSearchParams({ q: typed, limit: 8 }).toString());
      if (ticket !== suggestTicket) return;
      const list = document.getElementById('suggestions');
      list.replaceChildren(...answer.suggestions.map((suggestion) =>
        el('option', { value: completedQuery(typed, suggestion.text), label: `${suggestion.documents}` })));
      list.dataset.for = typed;  // what they complete
    } catch (_) { /* completion is a convenience: a failed one shows nothing */ }
  }, 120);
});

window.addEventListener('hashchange', render);
render();
