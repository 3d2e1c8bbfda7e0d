// Browser scenarios for the IDE (/graphql) and the console (/admin), run by tests/Warehouse.Tests/Browser.
//   node tests/browser/ui.mjs <scenario> <baseUrl> <outDir> [key=value ...]
// Drives Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with playwright-core, which is a dev
// dependency of src/Warehouse.Web (installed there by the API's build; Playwright downloads no browser).
// Prints one line "RESULT {json}" on success; on failure prints the error, saves failure.png, exits 1.
// Waits are on page state, never on time.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(repo, 'src/Warehouse.Web/package.json'));
const { chromium } = require('playwright-core');

const [scenario, base, outDir, ...rest] = process.argv.slice(2);
const args = Object.fromEntries(rest.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
const TIMEOUT = 60_000;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function devToken(role, region) {
  const r = await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role, region }) });
  if (!r.ok) throw new Error(`/dev/token: HTTP ${r.status}`);
  return (await r.json()).token;
}

async function gql(token, query, variables) {
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await r.json();
  if (body.errors) throw new Error('GraphQL: ' + JSON.stringify(body.errors));
  return body.data;
}

async function cellOf(token, role, type, field) {
  const d = await gql(token, 'query($r: String, $t: String) { permissionMatrix(role: $r, type: $t) { field access version } }', { r: role, t: type });
  return d.permissionMatrix.find((c) => c.field === field);
}

// Everything the page asked of the server, and every console error, for the first-load assertions.
const seen = { graphql: [], failed: [], consoleErrors: [] };

function rectsOverlap(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether the element is what a user sees at its centre (not scrolled away, not covered by anything else). */
async function onTop(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

async function storage(page, key) {
  return page.evaluate((k) => ({ session: window.sessionStorage.getItem(k) !== null, local: window.localStorage.getItem(k) !== null }), key);
}

async function signInAdmin(page) {
  await page.goto(`${base}/admin`);
  await page.getByTestId('dev-get-token').click();
  await page.getByTestId('signed-in-as').filter({ hasText: 'dev-admin-all' }).waitFor();
  await page.getByTestId('matrix').waitFor();
}

async function showCell(page, type, field) {
  await page.getByTestId('matrix-type').selectOption(type);
  const row = page.locator(`tr[data-row="${type}.${field}"]`);
  await row.scrollIntoViewIfNeeded();
  return row;
}

const scenarios = {
  // The IDE: first load (nothing sent, no console error), sign in as a village official (bar on one line),
  // open an example and run it; the URL then reproduces it (never the token), and copy as curl elides the token.
  async ide(page) {
    await page.goto(`${base}/graphql`);
    await page.getByTestId('need-token').waitFor();
    await page.getByTestId('dev-region').waitFor();
    const beforeSignIn = { graphql: seen.graphql.length, consoleErrors: [...seen.consoleErrors], failed: [...seen.failed] };
    await page.screenshot({ path: join(outDir, `ide-first-load-${args.width ?? 1440}.png`) });
    await page.getByTestId('dev-role').selectOption('village');
    await page.getByTestId('dev-township').selectOption(args.township);
    await page.getByTestId('dev-region').selectOption(args.village);
    await page.getByTestId('dev-get-token').click();
    await page.getByTestId('signed-in-as').filter({ hasText: `dev-village-${args.village}` }).waitFor();
    // The schema has loaded when the docs explorer can show the Query type.
    await page.locator('.graphiql-sidebar button[aria-label*="Documentation"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    const barHeight = await page.locator('.wh-bar').evaluate((el) => el.getBoundingClientRect().height);
    const tokenStorage = await storage(page, 'warehouse.ide.token');
    await page.locator('.graphiql-sidebar button[aria-label*="示例查询"], .graphiql-sidebar button[aria-label*="Example queries"]').click();
    await page.locator(`[data-example="${args.example}"]`).click();
    await page.locator('.graphiql-query-editor .CodeMirror-code').filter({ hasText: args.operation }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window .CodeMirror-code');
    await result.filter({ hasText: '"totalCount"' }).waitFor();
    const text = await result.innerText();
    await page.screenshot({ path: join(outDir, args.width === '800' ? 'ide-800.png' : 'ide.png') });
    const tabs = await page.locator('.graphiql-tab').count();
    const token = await page.evaluate(() => window.sessionStorage.getItem('warehouse.ide.token'));

    // Copy as curl, without and with the token.
    await page.getByTestId('curl-open').click();
    const curl = await page.getByTestId('curl-text').inputValue();
    await page.getByTestId('curl-include-token').check();
    const curlWithToken = await page.getByTestId('curl-text').inputValue();
    await page.screenshot({ path: join(outDir, 'ide-curl.png') });

    // Download as CSV: the same list through /export, with the query's where and order.
    await page.getByTestId('curl-open').click();
    const exportRequest = page.waitForRequest((r) => new URL(r.url()).pathname.startsWith('/export/'));
    const download = page.waitForEvent('download');
    await page.getByTestId('csv-download').click();
    const exportUrl = (await exportRequest).url();
    const csvFile = join(outDir, `ide-download-${args.width ?? 1440}.csv`);
    await (await download).saveAs(csvFile);
    const csv = readFileSync(csvFile, 'utf8');

    // The link, opened in a new tab (its own, empty sessionStorage): role and region preselected, query in the editor.
    const link = page.url();
    const other = await page.context().newPage();
    other.setDefaultTimeout(TIMEOUT);
    await other.goto(link);
    await other.getByTestId('need-token').waitFor();
    await other.getByTestId('dev-region').locator(`option[value="${args.village}"]`).waitFor({ state: 'attached' });
    const linkRole = await other.getByTestId('dev-role').inputValue();
    const linkRegion = await other.getByTestId('dev-region').inputValue();
    await other.getByTestId('dev-get-token').click();
    await other.getByTestId('signed-in-as').filter({ hasText: `dev-village-${args.village}` }).waitFor();
    await other.locator('.graphiql-query-editor .CodeMirror-code').filter({ hasText: args.operation }).waitFor();
    const linkQueryShown = (await other.locator('.graphiql-query-editor .CodeMirror-code').innerText()).includes(args.operation);
    await other.close();

    return {
      resultStart: text.slice(0, 400), hasErrors: text.includes('"errors"'), tabs, beforeSignIn, barHeight, tokenStorage,
      linkHasToken: link.includes(token) || /token/i.test(new URL(link).search), link, linkRole, linkRegion, linkQueryShown,
      exportUrl, csv,
      curl, curlHasToken: curl.includes(token), curlWithTokenHasToken: curlWithToken.includes(token),
      failed: seen.failed, consoleErrors: seen.consoleErrors,
    };
  },

  // The explorer plugin and the Explain panel, as a village official whose role has a field hidden (the test hides
  // it through the API first): the explorer lists what the role's introspection has, builds a query by clicks, and
  // Explain shows the statements that query ran with their plans, no values.
  async 'ide-explorer'(page) {
    await page.goto(`${base}/graphql`);
    await page.getByTestId('dev-region').waitFor();
    await page.getByTestId('dev-role').selectOption('village');
    await page.getByTestId('dev-township').selectOption(args.township);
    await page.getByTestId('dev-region').selectOption(args.village);
    await page.getByTestId('dev-get-token').click();
    await page.getByTestId('signed-in-as').filter({ hasText: `dev-village-${args.village}` }).waitFor();
    await page.locator('.graphiql-sidebar button[aria-label="Show 点选构建查询"], .graphiql-sidebar button[aria-label="Show Explorer"]').click();
    const explorer = page.locator('.graphiql-explorer-root');
    await explorer.locator('[data-field-name="households"]').first().click();
    await explorer.locator('[data-field-name="nodes"]').first().click();
    await explorer.locator(`[data-field-name="${args.visible}"]`).first().waitFor();
    // Every field name the explorer offers once households → nodes is open (Household's fields among them).
    const offered = await explorer.locator('[data-field-name]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field-name')));
    await explorer.locator(`[data-field-name="${args.visible}"]`).first().click();
    const editor = page.locator('.graphiql-query-editor .CodeMirror-code');
    await editor.filter({ hasText: args.visible }).waitFor();
    const built = await page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue());
    await page.screenshot({ path: join(outDir, args.width === '800' ? 'ide-explorer-800.png' : 'ide-explorer.png') });

    // Run the built query, then explain it.
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window .CodeMirror-code');
    await result.filter({ hasText: '"households"' }).waitFor();
    const resultText = await result.innerText();
    await page.locator('.graphiql-sidebar button[aria-label="Show 执行计划（Explain）"], .graphiql-sidebar button[aria-label="Show Explain"]').click();
    await page.getByTestId('explain-run').click();
    await page.getByTestId('explain-summary').waitFor();
    const statements = await page.getByTestId('explain-statement').evaluateAll((els) => els.map((el) => ({
      sql: el.querySelector('[data-testid="explain-sql"]')?.textContent ?? '',
      plan: el.querySelector('[data-testid="explain-plan"]')?.textContent ?? null,
    })));
    const panelText = await page.getByTestId('explain').innerText();
    await page.screenshot({ path: join(outDir, args.width === '800' ? 'ide-explain-800.png' : 'ide-explain.png') });
    return { offered, built, resultHasErrors: resultText.includes('"errors"'), statements, panelText, failed: seen.failed, consoleErrors: seen.consoleErrors };
  },

  // The console's matrix: choices per field, sticky header and first column, the pending panel beside or above.
  async 'admin-layout'(page) {
    await signInAdmin(page);
    const tokenStorage = await storage(page, 'warehouse.admin.token');
    const options = async (type, field, role) =>
      page.locator(`td[data-cell="${role}|${type}|${field}"] [data-testid="cell-access"] option`).evaluateAll((os) => os.map((o) => o.value));
    const noMask = await options('Household', 'householdSize', 'village');
    const masked = await options('Household', 'phone', 'village');
    const restriction = await page.locator('td[data-cell="village|Household|householdSize"] [data-testid="cell-access"]').getAttribute('title');
    // A pending change, so the panel has content.
    const phone = page.locator('td[data-cell="county|Household|phone"] [data-testid="cell-access"]');
    await phone.selectOption((await phone.inputValue()) === 'HIDDEN' ? 'FULL' : 'HIDDEN');
    await page.locator('[data-pending="county|Household|phone"]').waitFor();
    const headers = page.locator('th[data-role-header]');
    const pendingBox = await page.getByTestId('pending').boundingBox();
    const headerBoxes = await headers.evaluateAll((hs) => hs.map((h) => { const r = h.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
    const pendingCoversHeaders = headerBoxes.some((h) => rectsOverlap(h, pendingBox));
    await page.screenshot({ path: join(outDir, `admin-matrix-${args.width ?? 1440}.png`) });
    // Scroll the matrix down (and the page with it): the role headers stay in view.
    const scroller = page.getByTestId('matrix-scroll');
    await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.locator('tr[data-row]').last().scrollIntoViewIfNeeded();
    const scrolledTop = await scroller.evaluate((el) => el.scrollTop);
    const headersVisibleAfterScroll = [];
    for (const r of ['county', 'township', 'village']) {
      const h = page.locator(`th[data-role-header="${r}"]`);
      await h.scrollIntoViewIfNeeded();
      headersVisibleAfterScroll.push(await onTop(h));
    }
    // The village column is reachable (scroll right if it has to) and the first column stays while it is.
    const lastRow = page.locator('tr[data-row]').last();
    const villageSelect = lastRow.locator('td[data-cell^="village|"] [data-testid="cell-access"]');
    await villageSelect.scrollIntoViewIfNeeded();
    const villageReachable = await onTop(villageSelect);
    const firstColumnVisible = await onTop(lastRow.locator('th.wh-first code'));
    const scrolledLeft = await scroller.evaluate((el) => el.scrollLeft);
    await page.screenshot({ path: join(outDir, `admin-matrix-scrolled-${args.width ?? 1440}.png`) });
    return { tokenStorage, noMask, masked, restriction, pendingCoversHeaders, scrolledTop, scrolledLeft, headersVisibleAfterScroll, villageReachable, firstColumnVisible, consoleErrors: seen.consoleErrors };
  },

  // The console: hide a field from a role, see the pending change, save, switch language.
  async 'admin-hide'(page) {
    await signInAdmin(page);
    const row = await showCell(page, args.type, args.field);
    const cell = row.locator(`td[data-cell="${args.role}|${args.type}|${args.field}"]`);
    const before = await cell.getByTestId('cell-access').inputValue();
    await cell.getByTestId('cell-access').selectOption(args.access);
    await page.locator(`[data-pending="${args.role}|${args.type}|${args.field}"]`).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(outDir, 'admin-matrix.png') });
    await page.getByTestId('matrix-save').click();
    await page.getByTestId('saved').waitFor();
    await page.getByTestId('no-pending').waitFor();
    const after = await cell.getByTestId('cell-access').inputValue();
    await page.getByTestId('lang').click();
    await page.getByTestId('tab-matrix').filter({ hasText: 'Permission matrix' }).waitFor();
    // The audit trail shows the change as a table: one row per key, before and after side by side.
    await page.getByTestId('tab-audit').click();
    const change = page.locator('tr[data-audit]').filter({ hasText: 'PERMISSION_CHANGE' }).first();
    const access = change.locator('[data-testid="audit-detail"] tr[data-kv="access"]');
    await access.waitFor();
    const auditAccess = await access.locator('td').allInnerTexts();
    const auditRole = await change.locator('[data-testid="audit-detail"] tr[data-kv="role"] td').allInnerTexts();
    const auditText = await change.innerText();
    await page.screenshot({ path: join(outDir, 'admin-audit.png') });
    // "Schema as a role": the SDL each role gets now.
    await page.getByTestId('tab-schema').click();
    const sdlOf = async (role) => {
      await page.getByTestId('preview-role').selectOption(role);
      const pre = page.locator(`[data-testid="schema-preview"][data-role="${role}"]`);
      await pre.waitFor();
      return pre.innerText();
    };
    const villageSdl = await sdlOf('village');
    await page.screenshot({ path: join(outDir, 'admin-schema.png') });
    const countySdl = await sdlOf('county');
    return { before, after, auditAccess, auditRole, auditHasJson: auditText.includes('{"') || auditText.includes('"after"'), villageSdl, countySdl };
  },

  // Bulk edit: one type, one role, one access level; the field that does not allow it is skipped; saved once.
  async 'admin-bulk'(page) {
    await signInAdmin(page);
    await page.getByTestId('matrix-type').selectOption(args.type);
    await page.getByTestId('bulk-role').selectOption(args.role);
    await page.getByTestId('bulk-access').selectOption(args.access);
    await page.getByTestId('bulk-apply').click();
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    const set = Number(await result.getAttribute('data-set'));
    const skipped = Number(await result.getAttribute('data-skipped'));
    const pending = await page.locator(`[data-pending^="${args.role}|${args.type}|"]`).count();
    const otherRolesPending = await page.locator('[data-pending]').count() - pending;
    await page.screenshot({ path: join(outDir, 'admin-bulk.png') });
    await page.getByTestId('matrix-save').click();
    await page.getByTestId('saved').waitFor();
    await page.getByTestId('no-pending').waitFor();
    return { set, skipped, pending, otherRolesPending };
  },

  // Export the matrix as JSON, change two cells in the file, import it (diff as pending changes), save; then import
  // the original file again: its versions are now old, so the save is refused as stale and nothing applied.
  async 'admin-roundtrip'(page) {
    await signInAdmin(page);
    const download = page.waitForEvent('download');
    await page.getByTestId('matrix-export').click();
    const exported = join(outDir, 'permission-matrix.json');
    await (await download).saveAs(exported);
    const original = JSON.parse(readFileSync(exported, 'utf8'));
    const edited = structuredClone(original);
    const changes = args.changes.split(';').map((c) => c.split('|'));
    for (const [role, type, field, access] of changes) {
      const cell = edited.cells.find((c) => c.role === role && c.type === type && c.field === field);
      cell.access = access;
      cell.revealable = false;
      cell.aggregateOnly = false;
    }
    const editedFile = join(outDir, 'permission-matrix-edited.json');
    writeFileSync(editedFile, JSON.stringify(edited));
    await page.getByTestId('matrix-import').setInputFiles(editedFile);
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const imported = Number(await result.getAttribute('data-changes'));
    const pending = await page.locator('[data-pending]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-pending')));
    await page.screenshot({ path: join(outDir, 'admin-import.png') });
    await page.getByTestId('matrix-save').click();
    await page.getByTestId('saved').waitFor();
    // The original file again: the two cells differ, but at the versions of the export.
    await page.getByTestId('matrix-import').setInputFiles(exported);
    await page.getByTestId('no-pending').waitFor({ state: 'detached' });
    const reimported = Number(await result.getAttribute('data-changes'));
    await page.getByTestId('matrix-save').click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    // One line per stale cell: the server's extensions.details, not the whole message as one line.
    const conflictItems = await conflict.locator('li').allInnerTexts();
    return { exportedCells: original.cells.length, imported, pending, reimported, conflict: await conflict.innerText(), conflictItems };
  },

  // A save against a stale version: someone else changes the cell after the page loaded it.
  async 'admin-stale'(page) {
    await signInAdmin(page);
    const row = await showCell(page, args.type, args.field);
    const cell = row.locator(`td[data-cell="${args.role}|${args.type}|${args.field}"]`);
    const shown = await cell.getByTestId('cell-access').inputValue();
    const admin = await devToken('admin', null);
    const current = await cellOf(admin, args.role, args.type, args.field);
    const other = current.access === 'HIDDEN' ? 'FULL' : 'HIDDEN';
    await gql(admin, 'mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }', {
      c: [{ role: args.role, type: args.type, field: args.field, access: other, expectedVersion: current.version }],
    });
    const mine = shown === 'MASKED' ? 'FULL' : 'MASKED';
    await cell.getByTestId('cell-access').selectOption(other === mine ? 'FULL' : mine);
    await page.getByTestId('matrix-save').click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    const message = await conflict.innerText();
    await page.screenshot({ path: join(outDir, 'admin-conflict.png') });
    await page.getByTestId('conflict-reload').click();
    await conflict.waitFor({ state: 'detached' });
    await cell.locator('.wh-version').filter({ hasText: `v${current.version + 1}` }).waitFor();
    const reloaded = await cell.getByTestId('cell-access').inputValue();
    return { message, reloaded, other, versionBefore: current.version };
  },

};

async function main() {
  if (!scenarios[scenario]) throw new Error(`unknown scenario '${scenario}'`);
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'warehouse-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: Number(args.width ?? 1440), height: 900 },
    timeout: TIMEOUT,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const problems = [];
  let page;
  try {
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') seen.consoleErrors.push(m.text());
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    context.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql' && r.resourceType() !== 'document') seen.graphql.push(r.method());
    });
    context.on('response', (r) => {
      if (r.status() >= 400) seen.failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    const result = await scenarios[scenario](page);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    console.log('RESULT ' + JSON.stringify(result));
  } catch (e) {
    if (page) await page.screenshot({ path: join(outDir, `failure-${scenario}.png`) }).catch(() => {});
    throw new Error(`${e?.stack ?? e}\n${problems.join('\n')}`);
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(String(e));
    process.exit(1);
  },
);
