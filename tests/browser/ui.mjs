// Browser scenarios for the IDE (/graphql) and the console (/admin), run by tests/Warehouse.Tests/Browser.
//   node tests/browser/ui.mjs <scenario> <baseUrl> <outDir> [key=value ...]
// Drives Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with playwright-core, which is a dev
// dependency of src/Warehouse.Web (installed there by the API's build; Playwright downloads no browser).
// Prints one line "RESULT {json}" on success; on failure prints the error, saves failure.png, exits 1.
// Waits are on page state, never on time.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
  // The IDE: pick a village official, open an example, run it, see the result.
  async ide(page) {
    await page.goto(`${base}/graphql`);
    await page.getByTestId('dev-role').selectOption('village');
    await page.getByTestId('dev-township').selectOption(args.township);
    await page.getByTestId('dev-region').selectOption(args.village);
    await page.getByTestId('dev-get-token').click();
    await page.getByTestId('signed-in-as').filter({ hasText: `dev-village-${args.village}` }).waitFor();
    // The schema has loaded when the docs explorer can show the Query type.
    await page.locator('.graphiql-sidebar button[aria-label*="Documentation"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    await page.locator('.graphiql-sidebar button[aria-label*="示例查询"], .graphiql-sidebar button[aria-label*="Example queries"]').click();
    await page.locator(`[data-example="${args.example}"]`).click();
    await page.locator('.graphiql-query-editor .CodeMirror-code').filter({ hasText: args.operation }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window .CodeMirror-code');
    await result.filter({ hasText: '"totalCount"' }).waitFor();
    const text = await result.innerText();
    await page.screenshot({ path: join(outDir, 'ide.png') });
    const tabs = await page.locator('.graphiql-tab').count();
    return { resultStart: text.slice(0, 400), hasErrors: text.includes('"errors"'), tabs };
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
    return { before, after };
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

  // A change the server refuses: the message appears next to the cell.
  async 'admin-invalid'(page) {
    await signInAdmin(page);
    const row = await showCell(page, args.type, args.field);
    const cell = row.locator(`td[data-cell="${args.role}|${args.type}|${args.field}"]`);
    await cell.getByTestId('cell-access').selectOption(args.access);
    await page.getByTestId('matrix-save').click();
    const error = cell.getByTestId('cell-error');
    await error.waitFor();
    return { cellError: await error.innerText() };
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
    viewport: { width: 1440, height: 900 },
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
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
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
