// /admin: the permission matrix (edit, review, save with optimistic concurrency), user assignments and the
// audit trail, in Chinese or English. Everything goes through the GraphQL API with the admin's token.
import { StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './common.css';
import './admin.css';
import { ApiError, graphqlData, loadToken, RegionInfo, regions as loadRegions, saveToken } from './api';
import { initialLang, Lang, roleName, storeLang, translator, TextKey } from './i18n';
import { SignIn } from './SignIn';

type T = (key: TextKey) => string;
const TOKEN_KEY = 'warehouse.admin.token';
const DATA_ROLES = ['county', 'township', 'village'] as const;
const ACCESS = ['FULL', 'MASKED', 'HIDDEN'] as const;

interface Cell {
  role: string;
  type: string;
  field: string;
  label: string;
  access: string;
  revealable: boolean;
  aggregateOnly: boolean;
  version: number;
  /** What the field allows (from the catalogue, the rules setFieldAccess checks) and why not the rest. */
  allowedAccess: string[];
  mask: string | null;
  accessRestriction: string | null;
  aggregateOnlyRestriction: string | null;
}
/** An edit; expectedVersion is set by an import (the version the file was exported at), else the loaded one is used. */
type Edit = Pick<Cell, 'access' | 'revealable' | 'aggregateOnly'> & { expectedVersion?: number };

/** The file the console exports and imports: every cell of the matrix with the version it was read at. */
interface MatrixFile {
  format: 'warehouse-permission-matrix';
  exportedAt: string;
  cells: Pick<Cell, 'role' | 'type' | 'field' | 'access' | 'revealable' | 'aggregateOnly' | 'version'>[];
}
const keyOf = (role: string, type: string, field: string) => `${role}|${type}|${field}`;
const CELL_FIELDS = 'role type field label access revealable aggregateOnly version allowedAccess mask accessRestriction aggregateOnlyRestriction';

function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.errors.map((x) => (x.extensions?.code ? `${x.extensions.code}: ` : '') + x.message).join('\n');
  return String((e as Error)?.message ?? e);
}

// ---------------------------------------------------------------- permission matrix

function Matrix({ t, token }: { t: T; token: string }) {
  const [cells, setCells] = useState<Cell[] | null>(null);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [typeFilter, setTypeFilter] = useState('');
  const [textFilter, setTextFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [invalid, setInvalid] = useState<{ message: string; details: string[] } | null>(null);
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [bulkRole, setBulkRole] = useState('');
  const [bulkAccess, setBulkAccess] = useState('HIDDEN');
  const [importResult, setImportResult] = useState<{ changes: number; unknown: number; error: string | null } | null>(null);
  const [bulkResult, setBulkResult] = useState<{ set: number; skipped: number } | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const data = await graphqlData<{ permissionMatrix: Cell[] }>(token, `query AdminMatrix { permissionMatrix { ${CELL_FIELDS} } }`);
      setCells(data.permissionMatrix);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, [token]);

  useEffect(() => {
    load();
  }, [load]);

  const byKey = useMemo(() => new Map((cells ?? []).map((c) => [keyOf(c.role, c.type, c.field), c])), [cells]);
  const types = useMemo(() => [...new Set((cells ?? []).map((c) => c.type))].sort(), [cells]);
  const rows = useMemo(() => {
    const seen = new Map<string, { type: string; field: string; label: string }>();
    for (const c of cells ?? []) {
      if (typeFilter && c.type !== typeFilter) continue;
      const hay = `${c.type}.${c.field} ${c.label}`.toLowerCase();
      if (textFilter && !hay.includes(textFilter.toLowerCase())) continue;
      seen.set(`${c.type}.${c.field}`, { type: c.type, field: c.field, label: c.label });
    }
    return [...seen.values()];
  }, [cells, typeFilter, textFilter]);

  const pending = Object.entries(edits)
    .map(([key, edit]) => ({ key, cell: byKey.get(key)!, edit }))
    .filter((p) => p.cell && (p.cell.access !== p.edit.access || p.cell.revealable !== p.edit.revealable || p.cell.aggregateOnly !== p.edit.aggregateOnly));

  function edit(cell: Cell, change: Partial<Edit>) {
    const key = keyOf(cell.role, cell.type, cell.field);
    setSaved(false);
    setEdits((current) => {
      const base = current[key] ?? { access: cell.access, revealable: cell.revealable, aggregateOnly: cell.aggregateOnly };
      const next = { ...base, ...change };
      if (change.access) {
        // Flags that only go with one access level are cleared when leaving it; the server checks the rest.
        if (next.access !== 'MASKED') next.revealable = false;
        if (next.access !== 'HIDDEN') next.aggregateOnly = false;
      }
      return { ...current, [key]: next };
    });
    setCellErrors((current) => {
      const { [key]: _, ...rest } = current;
      return rest;
    });
  }

  // Bulk edit: one access level for every shown row (the type and text filters) and one role or all; cells whose
  // field does not allow it are skipped and counted. The result is ordinary pending changes, reviewed and saved once.
  function applyBulk() {
    let set = 0;
    let skipped = 0;
    for (const row of rows) {
      for (const role of bulkRole ? [bulkRole] : DATA_ROLES) {
        const cell = byKey.get(keyOf(role, row.type, row.field));
        if (!cell) continue;
        if (!cell.allowedAccess.includes(bulkAccess)) {
          skipped++;
          continue;
        }
        edit(cell, { access: bulkAccess });
        set++;
      }
    }
    setBulkResult({ set, skipped });
  }

  function exportMatrix() {
    const file: MatrixFile = {
      format: 'warehouse-permission-matrix',
      exportedAt: new Date().toISOString(),
      cells: (cells ?? []).map(({ role, type, field, access, revealable, aggregateOnly, version }) => ({ role, type, field, access, revealable, aggregateOnly, version })),
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'permission-matrix.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  // Import: every cell of the file that differs from the loaded matrix becomes a pending change carrying the version
  // the file was exported at, so saving over a cell someone changed since then is refused (STALE_VERSION) as usual.
  async function importMatrix(fileInput: HTMLInputElement) {
    const chosen = fileInput.files?.[0];
    fileInput.value = '';
    if (!chosen) return;
    setImportResult(null);
    try {
      const file = JSON.parse(await chosen.text()) as MatrixFile;
      if (file?.format !== 'warehouse-permission-matrix' || !Array.isArray(file.cells)) throw new Error(t('importBadFile'));
      const next: Record<string, Edit> = {};
      let unknown = 0;
      for (const c of file.cells) {
        const key = keyOf(c.role, c.type, c.field);
        const current = byKey.get(key);
        if (!current) {
          unknown++;
          continue;
        }
        if (current.access !== c.access || current.revealable !== !!c.revealable || current.aggregateOnly !== !!c.aggregateOnly) {
          next[key] = { access: c.access, revealable: !!c.revealable, aggregateOnly: !!c.aggregateOnly, expectedVersion: c.version };
        }
      }
      setSaved(false);
      setCellErrors({});
      setEdits(next);
      setImportResult({ changes: Object.keys(next).length, unknown, error: null });
    } catch (e) {
      setImportResult({ changes: 0, unknown: 0, error: String((e as Error)?.message ?? e) });
    }
  }

  async function reload() {
    setEdits({});
    setConflict(null);
    setInvalid(null);
    setCellErrors({});
    setSaved(false);
    await load();
  }

  async function save() {
    if (pending.length === 0) return;
    setBusy(true);
    setConflict(null);
    setInvalid(null);
    setCellErrors({});
    try {
      const changes = pending.map(({ cell, edit }) => ({
        role: cell.role, type: cell.type, field: cell.field, access: edit.access,
        revealable: edit.revealable, aggregateOnly: edit.aggregateOnly, expectedVersion: edit.expectedVersion ?? cell.version,
      }));
      const data = await graphqlData<{ setFieldAccess: Cell[] }>(
        token,
        `mutation AdminSetFieldAccess($changes: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $changes) { ${CELL_FIELDS} } }`,
        { changes },
      );
      const updated = new Map(data.setFieldAccess.map((c) => [keyOf(c.role, c.type, c.field), c]));
      setCells((current) => (current ?? []).map((c) => updated.get(keyOf(c.role, c.type, c.field)) ?? c));
      setEdits({});
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        setConflict(e.details.length > 0 ? e.details : [e.message]);
      } else if (e instanceof ApiError && e.code === 'INVALID_PERMISSION') {
        const details = e.details.length > 0 ? e.details : [e.message];
        const errors: Record<string, string> = {};
        for (const { key, cell } of pending) {
          const mine = details.filter((d) => d.includes(`${cell.type}.${cell.field}`) || d.includes(`'${cell.role}'`));
          if (mine.length > 0) errors[key] = mine.join('; ');
        }
        setCellErrors(errors);
        setInvalid({ message: e.errors[0]?.message ?? '', details });
      } else {
        setInvalid({ message: errorText(e), details: [] });
      }
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <div className="wh-error" data-testid="matrix-error">{loadError}</div>;
  if (!cells) return <div>{t('loading')}</div>;

  return (
    <div className="wh-matrix-page">
      <div className="wh-matrix-main">
        <div className="wh-toolbar">
          <label>
            {t('type')}{' '}
            <select value={typeFilter} onChange={(e) => setTypeFilter(e.target.value)} data-testid="matrix-type">
              <option value="">{t('allTypes')}</option>
              {types.map((x) => (
                <option key={x} value={x}>{x}</option>
              ))}
            </select>
          </label>
          <input placeholder={t('filter')} value={textFilter} onChange={(e) => setTextFilter(e.target.value)} data-testid="matrix-filter" />
          <button type="button" onClick={reload} data-testid="matrix-reload">{t('reload')}</button>
          <button type="button" onClick={exportMatrix} data-testid="matrix-export">{t('exportJson')}</button>
          <label className="wh-import">
            {t('importJson')}{' '}
            <input type="file" accept="application/json,.json" onChange={(e) => importMatrix(e.target)} data-testid="matrix-import" />
          </label>
          {importResult && (
            <span className={importResult.error ? 'wh-error' : 'wh-hint'} data-testid="import-result" data-changes={importResult.changes} data-unknown={importResult.unknown}>
              {importResult.error ?? `${importResult.changes} ${t('importChanges')}${importResult.unknown ? `, ${importResult.unknown} ${t('importUnknown')}` : ''}`}
            </span>
          )}
          <span className="wh-bulk">
            {t('bulkSet')}{' '}
            <select value={bulkRole} onChange={(e) => setBulkRole(e.target.value)} data-testid="bulk-role" aria-label={t('role')}>
              <option value="">{t('allRoles')}</option>
              {DATA_ROLES.map((r) => <option key={r} value={r}>{roleName(t, r)} ({r})</option>)}
            </select>{' '}
            <select value={bulkAccess} onChange={(e) => setBulkAccess(e.target.value)} data-testid="bulk-access" aria-label={t('access')}>
              {ACCESS.map((a) => <option key={a} value={a}>{t(a)} ({a})</option>)}
            </select>{' '}
            <button type="button" onClick={applyBulk} disabled={rows.length === 0} data-testid="bulk-apply">
              {t('bulkApply')} ({rows.length})
            </button>
            {bulkResult && (
              <span className="wh-hint" data-testid="bulk-result" data-set={bulkResult.set} data-skipped={bulkResult.skipped}>
                {' '}{bulkResult.set} {t('bulkSetCount')}, {bulkResult.skipped} {t('bulkSkipped')}
              </span>
            )}
          </span>
        </div>
        <div className="wh-grid-wrap" data-testid="matrix-scroll">
        <table className="wh-grid" data-testid="matrix">
          <thead>
            <tr>
              <th className="wh-first">{t('field')} · {t('label')}</th>
              {DATA_ROLES.map((r) => (
                <th key={r} data-role-header={r}>{roleName(t, r)} ({r})</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.type}.${row.field}`} data-row={`${row.type}.${row.field}`}>
                <th className="wh-first" scope="row">
                  <code>{row.type}.{row.field}</code>
                  <span className="wh-label">{row.label}</span>
                </th>
                {DATA_ROLES.map((role) => {
                  const key = keyOf(role, row.type, row.field);
                  const cell = byKey.get(key);
                  if (!cell) return <td key={role} />;
                  const value = edits[key] ?? cell;
                  const changed = value.access !== cell.access || value.revealable !== cell.revealable || value.aggregateOnly !== cell.aggregateOnly;
                  return (
                    <td key={role} data-cell={key} className={`wh-cell wh-${value.access.toLowerCase()}${changed ? ' wh-changed' : ''}${cellErrors[key] ? ' wh-invalid' : ''}`}>
                      <select value={value.access} onChange={(e) => edit(cell, { access: e.target.value })} data-testid="cell-access"
                        aria-label={`${role} ${row.type}.${row.field}`} title={cell.accessRestriction ?? (cell.mask ? `MASKED: ${cell.mask}` : undefined)}>
                        {/* Only what the field allows; the current value stays listed even if the rules changed since it was set. */}
                        {ACCESS.filter((a) => cell.allowedAccess.includes(a) || a === cell.access).map((a) => (
                          <option key={a} value={a}>{t(a)} ({a})</option>
                        ))}
                      </select>
                      {cell.accessRestriction && <span className="wh-why" title={cell.accessRestriction} data-testid="cell-restriction" aria-label={cell.accessRestriction}>ⓘ</span>}
                      <label title={t('revealable')}>
                        <input type="checkbox" checked={value.revealable} disabled={value.access !== 'MASKED'} onChange={(e) => edit(cell, { revealable: e.target.checked })} data-testid="cell-revealable" />
                        {t('revealable')}
                      </label>
                      <label title={cell.aggregateOnlyRestriction ?? t('aggregateOnly')}>
                        <input type="checkbox" checked={value.aggregateOnly} disabled={value.access !== 'HIDDEN' || (cell.aggregateOnlyRestriction !== null && !value.aggregateOnly)} onChange={(e) => edit(cell, { aggregateOnly: e.target.checked })} data-testid="cell-aggregate" />
                        {t('aggregateOnly')}
                      </label>
                      <span className="wh-version">v{cell.version}</span>
                      {cellErrors[key] && <div className="wh-cell-error" data-testid="cell-error">{cellErrors[key]}</div>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </div>
      <aside className="wh-pending" data-testid="pending">
        <h3>{t('pending')} ({pending.length})</h3>
        {pending.length === 0 && <p data-testid="no-pending">{t('noPending')}</p>}
        <ul data-testid="pending-list">
          {pending.map(({ key, cell, edit }) => (
            <li key={key} data-pending={key}>
              <b>{roleName(t, cell.role)}</b> {cell.type}.{cell.field} ({cell.label}): {t(cell.access as TextKey)}
              {cell.revealable ? `+${t('revealable')}` : ''}
              {cell.aggregateOnly ? `+${t('aggregateOnly')}` : ''} → <b>{t(edit.access as TextKey)}</b>
              {edit.revealable ? `+${t('revealable')}` : ''}
              {edit.aggregateOnly ? `+${t('aggregateOnly')}` : ''} <span className="wh-version">v{cell.version}</span>
            </li>
          ))}
        </ul>
        <div className="wh-actions">
          <button type="button" disabled={busy || pending.length === 0} onClick={save} data-testid="matrix-save">{t('save')}</button>
          <button type="button" disabled={busy || pending.length === 0} onClick={() => { setEdits({}); setCellErrors({}); setInvalid(null); }} data-testid="matrix-discard">{t('discard')}</button>
        </div>
        {saved && <p className="wh-ok" data-testid="saved">{t('saved')}</p>}
        {conflict && (
          <div className="wh-conflict" data-testid="conflict" role="alert">
            <p>{t('conflictTitle')}</p>
            <ul>
              {conflict.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            <button type="button" onClick={reload} data-testid="conflict-reload">{t('conflictReload')}</button>
          </div>
        )}
        {invalid && (
          <div className="wh-invalid-box" data-testid="invalid" role="alert">
            <p>{t('invalidTitle')}</p>
            <ul>
              {(invalid.details.length > 0 ? invalid.details : [invalid.message]).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </div>
        )}
      </aside>
    </div>
  );
}

// ---------------------------------------------------------------- assignments

interface Assignment {
  userId: string;
  role: string;
  regionCode: string;
  status: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}
const ASSIGNMENT_FIELDS = 'userId role regionCode status version updatedAt updatedBy';
const levelOf: Record<string, string> = { county: 'COUNTY', township: 'TOWNSHIP', village: 'VILLAGE', admin: 'COUNTY' };

function RegionPicker({ t, regions, role, value, onChange }: { t: T; regions: RegionInfo[]; role: string; value: string; onChange: (code: string) => void }) {
  const level = levelOf[role] ?? 'COUNTY';
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const [township, setTownship] = useState(() => (level === 'VILLAGE' ? byCode.get(value)?.parentCode ?? '' : ''));
  const townships = regions.filter((r) => r.level === 'TOWNSHIP');
  const choices = regions.filter((r) => r.level === level && (level !== 'VILLAGE' || r.parentCode === township));
  useEffect(() => {
    if (choices.length > 0 && !choices.some((c) => c.code === value)) onChange(choices[0].code);
  });
  return (
    <span className="wh-region-picker">
      {level === 'VILLAGE' && (
        <select value={township} onChange={(e) => setTownship(e.target.value)} data-testid="assign-township" aria-label={t('township')}>
          {!township && <option value="">{t('township')}…</option>}
          {townships.map((r) => (
            <option key={r.code} value={r.code}>{r.name} {r.code}</option>
          ))}
        </select>
      )}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="assign-region" aria-label={t('chooseRegion')}>
        {choices.map((r) => (
          <option key={r.code} value={r.code}>{r.name} {r.code}</option>
        ))}
      </select>
    </span>
  );
}

function Assignments({ t, token }: { t: T; token: string }) {
  const [search, setSearch] = useState('');
  const [list, setList] = useState<Assignment[] | null>(null);
  const [regions, setRegions] = useState<RegionInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<{ userId: string; role: string; regionCode: string; expectedVersion: number; editing: boolean } | null>(null);

  const load = useCallback(async (term: string) => {
    setError(null);
    try {
      const data = await graphqlData<{ assignments: Assignment[] }>(token, `query AdminAssignments($s: String) { assignments(search: $s, first: 500) { ${ASSIGNMENT_FIELDS} } }`, { s: term || null });
      setList(data.assignments);
    } catch (e) {
      setError(errorText(e));
    }
  }, [token]);

  useEffect(() => {
    load('');
    loadRegions(token).then(setRegions, (e) => setError(String(e)));
  }, [load, token]);

  const names = useMemo(() => new Map(regions.map((r) => [r.code, r.name])), [regions]);

  async function submit() {
    if (!form) return;
    setError(null);
    try {
      await graphqlData(token, `mutation AdminAssign($u: String!, $r: String!, $c: String!, $v: Int) { assignUser(userId: $u, role: $r, regionCode: $c, expectedVersion: $v) { ${ASSIGNMENT_FIELDS} } }`,
        { u: form.userId.trim(), r: form.role, c: form.regionCode, v: form.expectedVersion });
      setForm(null);
      await load(search);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function revoke(a: Assignment) {
    setError(null);
    try {
      await graphqlData(token, `mutation AdminRevoke($u: String!, $r: String!, $v: Int!) { revokeUser(userId: $u, role: $r, expectedVersion: $v) { ${ASSIGNMENT_FIELDS} } }`, { u: a.userId, r: a.role, v: a.version });
      await load(search);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div>
      <div className="wh-toolbar">
        <form onSubmit={(e) => { e.preventDefault(); load(search); }}>
          <input placeholder={t('search')} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="assign-search" size={36} />
          <button type="submit">{t('filter')}</button>
        </form>
        <button type="button" onClick={() => setForm({ userId: '', role: 'village', regionCode: '', expectedVersion: 0, editing: false })} data-testid="assign-add">{t('add')}</button>
      </div>
      {form && (
        <form className="wh-form" onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="assign-form">
          <label>{t('userId')} <input value={form.userId} readOnly={form.editing} onChange={(e) => setForm({ ...form, userId: e.target.value })} data-testid="assign-user" required /></label>
          <label>{t('role')}{' '}
            <select value={form.role} disabled={form.editing} onChange={(e) => setForm({ ...form, role: e.target.value })} data-testid="assign-role">
              {['county', 'township', 'village', 'admin'].map((r) => (
                <option key={r} value={r}>{roleName(t, r)} ({r})</option>
              ))}
            </select>
          </label>
          <label>{t('region')} <RegionPicker key={form.role} t={t} regions={regions} role={form.role} value={form.regionCode} onChange={(c) => setForm((f) => (f ? { ...f, regionCode: c } : f))} /></label>
          <button type="submit" data-testid="assign-submit">{t('save')}</button>
          <button type="button" onClick={() => setForm(null)}>{t('cancel')}</button>
        </form>
      )}
      {error && <pre className="wh-error" data-testid="assign-error">{error}</pre>}
      {!list ? <div>{t('loading')}</div> : (
        <table className="wh-table" data-testid="assignments">
          <thead>
            <tr><th>{t('userId')}</th><th>{t('role')}</th><th>{t('region')}</th><th>{t('status')}</th><th>{t('version')}</th><th>{t('updated')}</th><th>{t('updatedBy')}</th><th /></tr>
          </thead>
          <tbody>
            {list.length === 0 && <tr><td colSpan={8}>{t('noRecords')}</td></tr>}
            {list.map((a) => (
              <tr key={`${a.userId}|${a.role}`} data-assignment={`${a.userId}|${a.role}`}>
                <td>{a.userId}</td>
                <td>{roleName(t, a.role)}</td>
                <td>{names.get(a.regionCode) ?? ''} {a.regionCode}</td>
                <td>{a.status === 'active' ? t('active') : a.status === 'revoked' ? t('revoked') : a.status}</td>
                <td>{a.version}</td>
                <td>{a.updatedAt?.replace('T', ' ').replace(/\..*$/, '')}</td>
                <td>{a.updatedBy}</td>
                <td>
                  <button type="button" onClick={() => setForm({ userId: a.userId, role: a.role, regionCode: a.regionCode, expectedVersion: a.version, editing: true })}>{t('change')}</button>{' '}
                  {a.status === 'active' && <button type="button" onClick={() => revoke(a)}>{t('revoke')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- audit trail

interface AuditRecord {
  id: number;
  at: string;
  userId: string;
  role: string | null;
  kind: string;
  type: string | null;
  field: string | null;
  recordId: string | null;
  reason: string | null;
  operation: string | null;
  rowCount: number | null;
  detail: string | null;
}
const KINDS = ['PERMISSION_CHANGE', 'ASSIGNMENT_CHANGE', 'REVEAL', 'DATA_ACCESS', 'EXPORT', 'AGGREGATE', 'API_KEY_CHANGE', 'EXPLAIN'];
const PAGE = 25;

const show = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * An audit record's details as a key/value table: the record's own columns, then its JSON detail. A change
 * ({before, after}) becomes one row per key with before and after side by side, the changed ones marked.
 */
function AuditDetail({ t, record }: { t: T; record: AuditRecord }) {
  const own: [string, unknown][] = [['recordId', record.recordId], ['reason', record.reason], ['operation', record.operation], ['rowCount', record.rowCount]];
  const pairs = own.filter(([, v]) => v !== null && v !== undefined && v !== '');
  let parsed: unknown = null;
  if (record.detail) {
    try {
      parsed = JSON.parse(record.detail);
    } catch {
      pairs.push(['detail', record.detail]);
    }
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  let change: { keys: string[]; before: Record<string, unknown>; after: Record<string, unknown> } | null = null;
  if (isObject(parsed) && 'after' in parsed && (isObject(parsed.after) || parsed.after === null) && (isObject(parsed.before) || parsed.before === null || parsed.before === undefined)) {
    const before = isObject(parsed.before) ? parsed.before : {};
    const after = isObject(parsed.after) ? parsed.after : {};
    change = { keys: [...new Set([...Object.keys(before), ...Object.keys(after)])], before, after };
    for (const [k, v] of Object.entries(parsed)) if (k !== 'before' && k !== 'after') pairs.push([k, v]);
  } else if (isObject(parsed)) {
    for (const [k, v] of Object.entries(parsed)) pairs.push([k, v]);
  } else if (parsed !== null) {
    pairs.push(['detail', parsed]);
  }
  if (pairs.length === 0 && !change) return null;
  return (
    <table className="wh-kv" data-testid="audit-detail">
      {change && (
        <thead>
          <tr><th>{t('key')}</th><th>{t('before')}</th><th>{t('after')}</th></tr>
        </thead>
      )}
      <tbody>
        {change && change.keys.map((k) => {
          const differs = show(change!.before[k]) !== show(change!.after[k]);
          return (
            <tr key={`c-${k}`} className={differs ? 'wh-kv-changed' : ''} data-kv={k}>
              <th>{k}</th>
              <td>{show(change!.before[k])}</td>
              <td>{show(change!.after[k])}</td>
            </tr>
          );
        })}
        {pairs.map(([k, v]) => (
          <tr key={`p-${k}`} data-kv={k}>
            <th>{k}</th>
            <td colSpan={change ? 2 : 1}>{show(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Audit({ t, token }: { t: T; token: string }) {
  const [filters, setFilters] = useState({ userId: '', kind: '', type: '', from: '', to: '' });
  const [applied, setApplied] = useState(filters);
  const [befores, setBefores] = useState<(number | null)[]>([null]);
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const before = befores[befores.length - 1];

  useEffect(() => {
    let live = true;
    const nextDay = (d: string) => new Date(Date.parse(d + 'T00:00:00Z') + 86_400_000).toISOString();
    graphqlData<{ auditTrail: AuditRecord[] }>(
      token,
      `query AdminAudit($u: String, $k: String, $t: String, $f: DateTime, $to: DateTime, $b: Long, $n: Int) {
         auditTrail(userId: $u, kind: $k, type: $t, from: $f, to: $to, before: $b, first: $n) { id at userId role kind type field recordId reason operation rowCount detail } }`,
      {
        u: applied.userId || null, k: applied.kind || null, t: applied.type || null,
        f: applied.from ? applied.from + 'T00:00:00Z' : null, to: applied.to ? nextDay(applied.to) : null, b: before, n: PAGE,
      },
    ).then(
      (d) => live && (setRecords(d.auditTrail), setError(null)),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [token, applied, before]);

  return (
    <div>
      <form className="wh-toolbar" onSubmit={(e) => { e.preventDefault(); setApplied(filters); setBefores([null]); }} data-testid="audit-filters">
        <input placeholder={t('userId')} value={filters.userId} onChange={(e) => setFilters({ ...filters, userId: e.target.value })} data-testid="audit-user" />
        <select value={filters.kind} onChange={(e) => setFilters({ ...filters, kind: e.target.value })} data-testid="audit-kind">
          <option value="">{t('anyKind')}</option>
          {KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
        <input placeholder={t('type')} value={filters.type} onChange={(e) => setFilters({ ...filters, type: e.target.value })} data-testid="audit-type" />
        <label>{t('from')} <input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} /></label>
        <label>{t('to')} <input type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} /></label>
        <button type="submit" data-testid="audit-apply">{t('filter')}</button>
      </form>
      {error && <pre className="wh-error">{error}</pre>}
      {!records ? <div>{t('loading')}</div> : (
        <>
          <table className="wh-table" data-testid="audit">
            <thead>
              <tr><th>#</th><th>{t('at')}</th><th>{t('userId')}</th><th>{t('role')}</th><th>{t('kind')}</th><th>{t('type')}</th><th>{t('field')}</th><th>{t('detail')}</th></tr>
            </thead>
            <tbody>
              {records.length === 0 && <tr><td colSpan={8}>{t('noRecords')}</td></tr>}
              {records.map((r) => (
                <tr key={r.id} data-audit={r.id}>
                  <td>{r.id}</td>
                  <td>{r.at.replace('T', ' ').replace(/\..*$/, '')}</td>
                  <td>{r.userId}</td>
                  <td>{r.role ?? ''}</td>
                  <td>{r.kind}</td>
                  <td>{r.type ?? ''}</td>
                  <td>{r.field ?? ''}</td>
                  <td className="wh-detail"><AuditDetail t={t} record={r} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="wh-actions">
            <button type="button" disabled={befores.length === 1} onClick={() => setBefores([null])}>{t('newer')}</button>
            <button type="button" disabled={records.length < PAGE} onClick={() => setBefores([...befores, records[records.length - 1].id])} data-testid="audit-older">{t('older')}</button>
          </div>
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- schema preview

/** The SDL a data role gets now (schemaPreview): what the matrix means for that role, before anyone signs in as it. */
function SchemaPreview({ t, token }: { t: T; token: string }) {
  const [role, setRole] = useState<string>('village');
  const [sdl, setSdl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSdl(null);
    setError(null);
    graphqlData<{ schemaPreview: string }>(token, 'query AdminSchemaPreview($r: String!) { schemaPreview(role: $r) }', { r: role }).then(
      (d) => live && setSdl(d.schemaPreview),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [token, role]);
  return (
    <div>
      <div className="wh-toolbar">
        <label>
          {t('role')}{' '}
          <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="preview-role">
            {DATA_ROLES.map((r) => <option key={r} value={r}>{roleName(t, r)} ({r})</option>)}
          </select>
        </label>
        <span className="wh-hint">{t('previewHint')}</span>
      </div>
      {error && <pre className="wh-error">{error}</pre>}
      {sdl === null ? !error && <div>{t('loading')}</div> : <pre className="wh-sdl" data-testid="schema-preview" data-role={role}>{sdl}</pre>}
    </div>
  );
}

// ---------------------------------------------------------------- page

function Admin() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const [token, setToken] = useState<string | null>(() => loadToken(TOKEN_KEY));
  const [tab, setTab] = useState<'matrix' | 'assignments' | 'audit' | 'schema'>('matrix');
  const [isAdmin, setIsAdmin] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onToken = useCallback((value: string | null) => {
    saveToken(TOKEN_KEY, value);
    setToken(value);
  }, []);

  useEffect(() => {
    setIsAdmin(null);
    setError(null);
    if (!token) return;
    graphqlData<{ myPermissions: { isAdmin: boolean } }>(token, 'query AdminMe { myPermissions { isAdmin } }').then(
      (d) => setIsAdmin(d.myPermissions.isAdmin),
      (e) => setError(errorText(e)),
    );
  }, [token]);

  return (
    <div className="wh-admin">
      <div className="wh-bar">
        <span className="wh-title">{t('adminTitle')}</span>
        <SignIn t={t} token={token} onToken={onToken} roles={['admin']} />
        <span className="wh-spacer" />
        <a href="/graphql">{t('ideLink')}</a>
        <button type="button" data-testid="lang" onClick={() => { const next = lang === 'zh' ? 'en' : 'zh'; storeLang(next); setLang(next); }}>
          {t('language')}
        </button>
      </div>
      {error && <pre className="wh-error wh-pad" data-testid="admin-error">{error}</pre>}
      {token && isAdmin === false && <p className="wh-error wh-pad" data-testid="not-admin">{t('notAdmin')}</p>}
      {token && isAdmin && (
        <>
          <nav className="wh-tabs">
            {(['matrix', 'assignments', 'audit', 'schema'] as const).map((x) => (
              <button key={x} type="button" className={tab === x ? 'wh-active' : ''} onClick={() => setTab(x)} data-testid={`tab-${x}`}>
                {t(x === 'matrix' ? 'tabMatrix' : x === 'assignments' ? 'tabAssignments' : x === 'audit' ? 'tabAudit' : 'tabSchema')}
              </button>
            ))}
          </nav>
          <main className="wh-pad">
            {tab === 'matrix' && <Matrix t={t} token={token} />}
            {tab === 'assignments' && <Assignments t={t} token={token} />}
            {tab === 'audit' && <Audit t={t} token={token} />}
            {tab === 'schema' && <SchemaPreview t={t} token={token} />}
          </main>
        </>
      )}
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Admin />
  </StrictMode>,
);
