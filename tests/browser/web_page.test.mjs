// The web page as a user works it: Debian's Chromium (headless, through playwright-core) on a
// real tracuu-searchd serving an index that tracuu-index built from corpus/ and two legal
// documents. Run by CTest (tests/CMakeLists.txt), which passes the programs' paths:
//   TRACUU_INDEX_BIN=… TRACUU_SEARCHD_BIN=… TRACUU_CORPUS_DIR=… node --test web_page.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this test through CTest`);
  return value;
};
const CHROMIUM = process.env.TRACUU_CHROMIUM || '/usr/bin/chromium';

// The README's two legal documents: a resolution the articles cite, and a decree.
const LEGAL = [
  // Its text writes its number as the Party writes numbers, and as the State does.
  { id: 'nq-126-2023', number: '126/NQ-CP', date: '2023-08-14', url: 'https://example.gov.vn/van-ban/nq-126-2023', title: 'Nghị quyết 126/NQ-CP về một số giải pháp nâng cao hiệu quả công tác tổ chức thi hành pháp luật', text: 'Chính phủ ban hành Nghị quyết 126-NQ/CP về một số giải pháp nâng cao hiệu quả công tác tổ chức thi hành pháp luật, ngăn chặn lợi ích nhóm, lợi ích cục bộ.\nNghị quyết số 126/NQ-CP có hiệu lực từ ngày ký.' },
  { id: 'nd-15-2020', number: '15/2020/NĐ-CP', date: '2020-02-03', title: 'Nghị định 15/2020/NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông', text: 'Nghị định quy định hành vi vi phạm hành chính, hình thức xử phạt, mức xử phạt trong lĩnh vực bưu chính, viễn thông, công nghệ thông tin và giao dịch điện tử.' },
  // A stored url that is no web address, and markup in a title: both must stay text. Its id
  // has what a URL must escape.
  { id: 'thử/x#1 ?', title: '<img src=x onerror="window.injected=1">Tiêu đề có thẻ', url: 'javascript:window.injected=1', text: 'Văn bản thử <script>window.injected=1</script> có chữ độc lạ zyxwvu.' },
  // A circular guiding the decree, and a press article reporting that it does.
  { id: 'tt-80-2021', number: '80/2021/TT-BTC', date: '2021-10-01', title: 'Thông tư 80/2021/TT-BTC hướng dẫn xử phạt', text: 'Thông tư hướng dẫn Nghị định số 15/2020/NĐ-CP.' },
  { id: 'bao-tt-80', date: '2021-10-05', title: 'Bộ Tài chính ban hành thông tư mới', text: 'Thông tư 80/2021/TT-BTC hướng dẫn Nghị định 15/2020/NĐ-CP.' },
  // Two codes' articles of one number, as a lawyer's collection holds codes article by article.
  { id: 'blhs-173', law: 'Bộ luật Hình sự', article: '173', title: 'Điều 173. Tội trộm cắp tài sản', text: 'Người nào trộm cắp tài sản của người khác trị giá từ 2.000.000 đồng thì bị phạt cải tạo không giam giữ.' },
  { id: 'blld-173', law: 'Bộ luật Lao động', article: '173', title: 'Điều 173. Hiệu lực thi hành', text: 'Bộ luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021; người lao động và tài sản của người sử dụng lao động.' },
  // An English judgment whose words the query "judged" matches by their stem, far down its text.
  { id: 'judgment-1995', lang: 'en', date: '1995-10-11', title: 'Supreme Court: criminal appeal against conviction',
    text: Array.from({ length: 40 }, (_, n) => `Paragraph ${n + 1}. The appellant relied on the record of the trial court and on the evidence of the witnesses.`).join('\n') +
      '\nThe Judges of the bench agreed that the judge below had erred.' },
];

// A file in a folder with a long name, as a downloaded collection is kept: the document's
// source path, its URL, a number it cites and a word are each wider than a phone's screen.
const LONG_FOLDER = 'kho_luu_tru_van_ban_phap_luat_va_bai_bao_da_tai_ve_tu_cong_thong_tin_dien_tu_chinh_phu_nam_2023';
const LONG_URL = 'https://thuvienphapluat.example.vn/van_ban/BoMayHanhChinh/HuongDanTraCuuVanBanGiaiPhapNangCaoHieuQuaCongTac_578134.aspx';
const LONG_WORD = 'VBQPPL_2023_0000578134_TOANVAN_BANGOC_CHUNGTHUC_DIENTU';
const LONG_DOCUMENT = { id: 'tra-cuu-truc-tuyen', date: '2023-09-25', title: 'Hướng dẫn tra cứu trực tuyến văn bản quy phạm pháp luật', url: LONG_URL,
  text: `Toàn văn đăng tại ${LONG_URL} với mã tra cứu ${LONG_WORD}, theo Thông tư liên tịch số 12345/2023/TTLT-BTC-BTP-BKHĐT-BLĐTBXH-BNV.` };

let work, daemon, browser, base;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'tracuu-web-'));
  writeFileSync(path.join(work, 'legal.jsonl'), LEGAL.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
  mkdirSync(path.join(work, LONG_FOLDER));
  const longFile = path.join(work, LONG_FOLDER, 'huong_dan_tra_cuu_truc_tuyen_van_ban_quy_pham_phap_luat.jsonl');
  writeFileSync(longFile, JSON.stringify(LONG_DOCUMENT) + '\n');
  execFileSync(env('TRACUU_INDEX_BIN'), ['-q', '--db', path.join(work, 'index'), env('TRACUU_CORPUS_DIR'), path.join(work, 'legal.jsonl'), longFile]);
  daemon = spawn(env('TRACUU_SEARCHD_BIN'), ['--db', path.join(work, 'index'), '--listen', '127.0.0.1:0', '--threads', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error('searchd did not start: ' + log)), 20000);
    daemon.stderr.on('data', (chunk) => {
      log += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    daemon.on('exit', (code) => reject(new Error(`searchd exited with ${code}: ${log}`)));
  });
  daemon.stderr.resume();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});

after(async () => {
  await browser?.close();
  daemon?.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

// A fresh page that fails the test on any script error, failed request or refused resource
// (the CSP), but for the HTTP statuses the test expects (@p expectedStatus).
async function openPage(t, hash = '', expectedStatus = null, options = {}) {
  const page = await browser.newPage(options);
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (expectedStatus && message.text().includes(`status of ${expectedStatus}`)) return;
    problems.push(message.text());
  });
  t.after(async () => {
    await page.close();
    assert.deepEqual(problems, [], 'the page logged errors');
  });
  await page.goto(base + '/' + hash);
  return page;
}

test('a query typed without diacritics finds the documents, with the matches marked', async (t) => {
  const page = await openPage(t);
  await page.getByRole('combobox', { name: 'Query' }).fill('nghi quyet 126');
  await page.getByRole('button', { name: /Search/ }).click();
  await page.locator('.hit').first().waitFor();
  assert.match(await page.locator('.summary').textContent(), /^[1-9]\d* kết quả/);
  // The resolution itself comes first, then the articles citing it.
  assert.match(await page.locator('.hit h2').first().textContent(), /^Nghị quyết 126\/NQ-CP/);
  const marks = await page.locator('.hit mark').allTextContents();
  assert.ok(marks.some((mark) => /Nghị|quyết/.test(mark)), `marks: ${marks}`);
  assert.match(page.url(), /#\/\?q=nghi\+quyet\+126/);
});

test('an article named with its code comes first, and says which article of which law it is', async (t) => {
  const page = await openPage(t, '#/?q=dieu+173+blhs+tai+san');
  await page.locator('.hit').first().waitFor();
  assert.equal(await page.locator('.hit h2').first().textContent(), 'Điều 173. Tội trộm cắp tài sản');
  assert.equal(await page.locator('.hit .law').first().textContent(), 'Điều 173 · Bộ luật Hình sự');
  await page.locator('.hit h2 a').first().click();
  await page.locator('article.document').waitFor();
  assert.match(await page.locator('.fields').textContent(), /Điều luật · ArticleĐiều 173 · Bộ luật Hình sự/);
});

test('the first page shows how to search, and each example runs', async (t) => {
  const page = await openPage(t);
  const example = page.locator('.examples a', { hasText: 'ref:126/NQ-CP' });
  await example.click();
  await page.locator('.hit').first().waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Query' }).inputValue(), 'ref:126/NQ-CP');
  assert.match(await page.locator('.summary').textContent(), /^2 kết quả/);  // the two articles citing it
});

test('facets narrow the results, and the filter can be removed again', async (t) => {
  const page = await openPage(t, '#/?q=thi+hanh+phap+luat');
  await page.locator('.hit').first().waitFor();
  const total = Number((await page.locator('.summary').textContent()).split(' ')[0]);
  await page.locator('a[data-facet="lang"]', { hasText: 'English' }).click();
  await page.locator('.chip').waitFor();
  const english = Number((await page.locator('.summary').textContent()).split(' ')[0]);
  assert.ok(english >= 1 && english < total, `${english} English of ${total}`);
  for (const date of await page.locator('.hit').allTextContents()) assert.doesNotMatch(date, /Tiếng Việt/);
  await page.locator('.chip button').click();
  await page.waitForFunction((n) => document.querySelector('.summary')?.textContent.startsWith(`${n} `), total);
});

test('a misspelled word offers the correction, which one click searches', async (t) => {
  const page = await openPage(t, '#/?q=nghi+quyiet+126');
  const suggestion = page.locator('.did-you-mean a');
  await suggestion.waitFor();
  assert.equal(await suggestion.textContent(), 'nghi quyet 126');
  await suggestion.click();
  await page.waitForFunction(() => document.getElementById('q').value === 'nghi quyet 126');
  await page.locator('.hit').first().waitFor();
});

test('a number typed without its year is said to be missing, and the one the index holds is offered', async (t) => {
  const page = await openPage(t, '#/?q=' + encodeURIComponent('Nghị định 15/NĐ-CP'));
  const notice = page.locator('.numbers-not-found');
  await notice.waitFor();
  assert.match(await notice.textContent(), /No document is or cites 15\/NĐ-CP/);
  const suggestion = page.locator('.did-you-mean a');
  assert.equal(await suggestion.textContent(), 'Nghị định 15/2020/NĐ-CP');
  await suggestion.click();
  await page.waitForFunction(() => document.getElementById('q').value === 'Nghị định 15/2020/NĐ-CP');
  await page.locator('.numbers-not-found').waitFor({ state: 'detached' });
  assert.match(await page.locator('.hit h2 a').first().textContent(), /^Nghị định 15\/2020\/NĐ-CP/);
});

test('a result opens the document: its metadata, what it cites, and the number it cites', async (t) => {
  const page = await openPage(t, '#/?q=%22l%E1%BB%A3i+%C3%ADch+nh%C3%B3m%22+Th%E1%BB%ABa+Thi%C3%AAn');
  await page.locator('.hit h2 a').first().click();
  await page.locator('article.document h1').waitFor();
  assert.match(page.url(), /#\/doc\//);
  const citations = page.locator('.citations li');
  assert.ok(await citations.count() >= 2);
  assert.match(await citations.first().textContent(), /126\/NQ-CP — thực hiện · implements/);
  assert.match(await page.locator('.text').textContent(), /Nguyễn Thanh Bình/);
  // Opened from the search, its text marks what the query matched: the phrase whole, and the
  // name as one word.
  const marked = await page.locator('.text mark').allTextContents();
  assert.ok(marked.length >= 5, marked.join(' | '));
  for (const words of marked) assert.match(words, /^(lợi ích nhóm|Thừa Thiên)$/);
  assert.equal(await page.locator('#first-match').count(), 1);
  // Following the number: the resolution itself, and who cites it and how.
  await citations.first().getByRole('link', { name: '126/NQ-CP' }).click();
  await page.locator('.reference-view h1').waitFor();
  assert.equal(await page.locator('.reference-view h1').textContent(), '126/NQ-CP');
  assert.match(await page.locator('.fields').textContent(), /Nghị quyết · Resolution/);
  assert.match(await page.locator('.held-by').textContent(), /Nghị quyết 126\/NQ-CP về một số giải pháp/);
  assert.match(await page.locator('.cited-by h3').first().textContent(), /thực hiện · implements \(2\)/);
  // Back returns to the document.
  await page.goBack();
  await page.locator('article.document h1').waitFor();
});

test("a number's citing documents come a page at a time", async (t) => {
  const page = await openPage(t, '#/ref/126%2FNQ-CP?relation=implements&limit=1');
  const citing = page.locator('.cited-by li');
  await citing.first().waitFor();
  assert.equal(await citing.count(), 1);
  const first = await citing.textContent();
  await page.getByRole('link', { name: /Next \(1\)/ }).click();
  await page.getByRole('link', { name: /Previous/ }).waitFor();
  assert.equal(await citing.count(), 1);
  assert.notEqual(await citing.textContent(), first);
  assert.equal(await page.getByRole('link', { name: /Next/ }).count(), 0);
});

test("a number's citing documents can be the legal documents only", async (t) => {
  const page = await openPage(t, '#/ref/15%2F2020%2FN%C4%90-CP');
  const citing = page.locator('.cited-by li');
  await citing.first().waitFor();
  assert.equal(await citing.count(), 2);  // the circular and the article reporting it
  await page.getByRole('link', { name: /Legal documents only/ }).click();
  await page.getByRole('link', { name: /All citing documents/ }).waitFor();
  assert.match(page.url(), /type=-article/);
  assert.equal(await citing.count(), 1);
  assert.match(await citing.textContent(), /Thông tư 80\/2021\/TT-BTC/);
  assert.match(await page.locator('.cited-by h2').textContent(), /\(1\)$/);
  await page.getByRole('link', { name: /All citing documents/ }).click();
  await page.getByRole('link', { name: /Legal documents only/ }).waitFor();
  assert.equal(await citing.count(), 2);
});

test('an English article leads to its Vietnamese original among related documents', async (t) => {
  const page = await openPage(t, '#/?q=Nguyen+Thanh+Binh&lang=en');
  await page.locator('.hit h2 a').first().click();
  const related = page.locator('.related li');
  await related.first().waitFor();
  const texts = await related.allTextContents();
  assert.ok(texts.some((text) => /Thừa Thiên-Huế ngăn chặn/.test(text) && /Tiếng Việt/.test(text)), texts.join('\n'));
});

test('checking a text finds its document numbers and quotes in the index', async (t) => {
  const page = await openPage(t, '#/check');
  assert.equal(await page.locator('#search-form').isVisible(), false);
  assert.equal(await page.locator('.top nav a[aria-current="page"]').textContent(), 'Kiểm tra nguồn · Check sources');
  await page.locator('#check-text').fill('Theo Nghị quyết 126/NQ-CP, Chính phủ yêu cầu “thi hành pháp luật” nghiêm; Nghị định 99/2031/NĐ-CP thì chưa có.');
  await page.getByRole('button', { name: /Check/ }).click();
  const references = page.locator('.check-references li');
  await references.first().waitFor();
  assert.equal(await references.count(), 2);
  assert.match(await references.nth(0).textContent(), /126\/NQ-CP.*trong chỉ mục · in the index.*2 văn bản trích dẫn/);
  assert.match(await references.nth(1).textContent(), /99\/2031\/NĐ-CP.*không có trong chỉ mục · not in the index/);
  const quote = page.locator('.check-quotes > ul > li').first();
  assert.match(await quote.textContent(), /thi hành pháp luật — [1-9]\d* văn bản/);
  // Where each was published, for a journalist to check the source.
  assert.equal(await quote.locator('a[href="https://example.gov.vn/van-ban/nq-126-2023"]').count(), 1);
});

test('completion offers whole queries as the user types', async (t) => {
  const page = await openPage(t);
  await page.getByRole('combobox', { name: 'Query' }).pressSequentially('thi h', { delay: 20 });
  // Under load a pause between keys may show the completions of "t" first: wait for those of
  // the whole of it.
  await page.locator('#suggestions[data-for="thi h"]').waitFor({ state: 'attached' });
  const values = await page.locator('#suggestions option').evaluateAll((options) => options.map((o) => o.value));
  assert.ok(values.includes('thi hành'), values.join(' | '));
  // Each replaces the words it completes, and only those.
  assert.ok(values.every((value) => value.startsWith('thi ')), values.join(' | '));
});

test('a malformed query shows the error searchd gives, and the page keeps working', async (t) => {
  const page = await openPage(t, '#/?q=%22thi+hanh', 400);
  const error = page.getByRole('alert');
  await error.waitFor();
  assert.match(await error.textContent(), /unterminated quote/);
  await page.getByRole('combobox', { name: 'Query' }).fill('viễn thông');
  await page.getByRole('combobox', { name: 'Query' }).press('Enter');
  await page.locator('.hit').first().waitFor();
});

test('markup stored in a document is shown as text, never run', async (t) => {
  const page = await openPage(t, '#/?q=zyxwvu');
  const title = page.locator('.hit h2').first();
  await title.waitFor();
  assert.equal(await title.textContent(), '<img src=x onerror="window.injected=1">Tiêu đề có thẻ');
  await title.locator('a').click();
  await page.locator('article.document .text').waitFor();
  assert.match(await page.locator('.fields').textContent(), /legal\.jsonl:3/);
  assert.match(await page.locator('.text').textContent(), /<script>window\.injected=1<\/script>/);
  // The javascript: url is not made a link.
  assert.equal(await page.locator('.fields a[href^="javascript"]').count(), 0);
  assert.equal(await page.evaluate(() => window.injected), undefined);
});

// The spans of a document's text that the page marks, in order.
const markedText = (page) => page.locator('.text mark').allTextContents();

test('the document marks what search matched by its stem, as the snippet does, and shows the first', async (t) => {
  const page = await openPage(t, '#/?q=judged');
  await page.locator('.hit').first().waitFor();
  assert.ok((await page.locator('.hit').first().locator('mark').allTextContents()).includes('Judges'));
  await page.locator('.hit h2 a').first().click();
  await page.locator('article.document .text').waitFor();
  assert.deepEqual(await markedText(page), ['Judges', 'judge']);
  assert.equal(await page.locator('#first-match').textContent(), 'Judges');
  // Forty paragraphs down, brought into view.
  await page.waitForFunction(() => {
    const box = document.getElementById('first-match').getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
});

test('the document marks words typed without diacritics, and its number however the text writes it', async (t) => {
  const page = await openPage(t, '#/doc/nq-126-2023?q=nghi+quyet+126%2FNQ-CP', 400);
  await page.locator('article.document .text').waitFor();
  assert.deepEqual(await markedText(page), ['Nghị quyết', '126-NQ/CP', 'Nghị quyết', '126/NQ-CP']);
  // Only the phrase whole, where the text says it.
  await page.goto(base + '/#/doc/nq-126-2023?q=%22l%E1%BB%A3i+%C3%ADch+nh%C3%B3m%22');
  await page.locator('article.document .text').waitFor();
  assert.deepEqual(await markedText(page), ['lợi ích nhóm']);
  // A query the daemon cannot read (an address edited by hand) leaves the text unmarked.
  await page.goto(base + '/#/doc/nq-126-2023?q=%22thi+hanh');
  await page.locator('article.document .text').waitFor();
  assert.deepEqual(await markedText(page), []);
});

// A phone: 360 CSS pixels wide, as the smallest common Android screens.
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);
// Whether the element is within the window, as scrolled.
const inView = (page, selector) => page.locator(selector).first().evaluate((node) => {
  const box = node.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
});

test('on a phone nothing scrolls sideways: results, a document with a long path and URL, a check', async (t) => {
  const page = await openPage(t, '#/?q=tra+cuu+truc+tuyen', null, PHONE);
  await page.locator('.hit').first().waitFor();
  assert.equal(await page.locator('.hit h2').first().textContent(), LONG_DOCUMENT.title);
  assert.equal(await pageWidth(page), 360, 'the results');

  await page.locator('.hit h2 a').first().click();
  await page.locator('article.document .text').waitFor();
  assert.match(await page.locator('.fields').textContent(), new RegExp(LONG_FOLDER));
  assert.equal(await pageWidth(page), 360, 'the document');

  await page.goto(base + '/#/check');
  await page.locator('#check-text').fill(`Theo Nghị quyết 126/NQ-CP và Thông tư liên tịch số 12345/2023/TTLT-BTC-BTP-BKHĐT-BLĐTBXH-BNV, “mã tra cứu ${LONG_WORD}” đăng tại ${LONG_URL}.`);
  await page.getByRole('button', { name: /Check/ }).click();
  await page.locator('.check-quotes li').first().waitFor();
  assert.equal(await pageWidth(page), 360, 'the check');
});

test('on a phone the results come before the facets; side by side the facets are on the left', async (t) => {
  const phone = await openPage(t, '#/?q=thi+hanh+phap+luat', null, PHONE);
  await phone.locator('.hit').first().waitFor();
  const top = (page, selector) => page.locator(selector).first().evaluate((node) => node.getBoundingClientRect().top);
  assert.ok(await top(phone, '.hit') < await top(phone, '.facets'), 'the first hit above the facets');
  assert.ok(await inView(phone, '.hit h2'), 'the first hit on the first screen');

  const wide = await openPage(t, '#/?q=thi+hanh+phap+luat', null, { viewport: { width: 1280, height: 800 } });
  await wide.locator('.hit').first().waitFor();
  const box = (selector) => wide.locator(selector).evaluate((node) => node.getBoundingClientRect().toJSON());
  const [facets, results] = [await box('.facets'), await box('.results')];
  assert.ok(facets.right <= results.left, 'the facets left of the results');
  assert.ok(Math.abs(facets.top - results.top) < 2, 'side by side');
});

test('a facet count stays on one line beside a long label, as a large collection counts', async (t) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  t.after(() => page.close());
  // The answers of this small index, with counts as a collection of 38,000 documents has them.
  await page.route((url) => url.pathname === '/search', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    for (const values of Object.values(json.facets || {})) for (const value of values) value.count = value.count * 1000 + 424;
    await route.fulfill({ response, json });
  });
  await page.goto(base + '/#/?q=xu+phat&facets=true');
  await page.locator('.facets .count').first().waitFor();
  const countLines = await page.locator('.facets .count').evaluateAll((counts) => counts.map((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return [node.textContent, range.getClientRects().length];
  }));
  for (const [count, lines] of countLines) assert.equal(lines, 1, `count ${count} on ${lines} lines`);
});
