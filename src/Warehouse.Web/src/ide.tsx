// GET /graphql in a browser: GraphiQL (editor with completion from the schema, docs explorer, history,
// variables and headers) with a token bar and the example queries.
import { GraphiQL } from 'graphiql';
import type { FetcherParams, FetcherOpts } from '@graphiql/toolkit';
import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { Kind, parse, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import '@graphiql/plugin-explorer/dist/style.css';
import './common.css';
import './ide.css';
import { loadToken, saveToken, tokenClaims } from './api';
import { examples } from './examples';
import { initialLang, Lang, storeLang, translator, TextKey } from './i18n';
import { SignIn } from './SignIn';
import { ExplainIcon, ExplainPanel } from './explain';

const TOKEN_KEY = 'warehouse.ide.token';

function ExamplesPanel({ t }: { t: (key: TextKey) => string }) {
  const editor = useEditorContext({ nonNull: true });
  const pending = useRef<string | null>(null);
  useEffect(() => {
    // addTab() switches tabs and loads the new (empty) tab into the editors during its render; the example is
    // written into the editor after that commit.
    if (pending.current !== null && editor.queryEditor) {
      editor.queryEditor.setValue(pending.current);
      editor.variableEditor?.setValue('');
      pending.current = null;
    }
  }, [editor.activeTabIndex, editor.tabs.length, editor.queryEditor, editor.variableEditor]);
  return (
    <div className="wh-examples" data-testid="examples">
      <div className="graphiql-doc-explorer-title">{t('examples')}</div>
      <p className="wh-hint">{t('examplesHint')}</p>
      <ul>
        {examples.map((ex) => (
          <li key={ex.name}>
            <button
              type="button"
              data-example={ex.name}
              title={ex.question}
              onClick={() => {
                pending.current = ex.query;
                editor.addTab();
              }}
            >
              <code>{ex.name}</code>
              <span>{ex.question}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 4h16v16H4z" />
      <path d="M8 8h8M8 12h8M8 16h5" />
    </svg>
  );
}

// The query, variables, role and region of a shareable link (?query=…&variables=…&role=…&region=…). Never the token.
interface LinkState {
  query: string | null;
  variables: string | null;
  role: string | null;
  region: string | null;
}

function readLink(): LinkState {
  const p = new URLSearchParams(window.location.search);
  return { query: p.get('query'), variables: p.get('variables'), role: p.get('role'), region: p.get('region') };
}

function writeLink(state: LinkState) {
  const p = new URLSearchParams();
  if (state.query) p.set('query', state.query);
  if (state.variables && state.variables.trim()) p.set('variables', state.variables);
  if (state.role) p.set('role', state.role);
  if (state.region) p.set('region', state.region);
  const search = p.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? '?' + search : ''}`);
}

/** A POSIX shell single-quoted word: ' becomes '\''. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The curl command for the current editor contents; the token is $TOKEN unless the user asked for it. */
export function curlCommand(url: string, query: string, variablesText: string, operationName: string | null, token: string | null, includeToken: boolean): string {
  let variables: unknown = undefined;
  if (variablesText.trim()) {
    try {
      variables = JSON.parse(variablesText);
    } catch {
      variables = undefined;
    }
  }
  const body = JSON.stringify({ query, ...(variables !== undefined ? { variables } : {}), ...(operationName ? { operationName } : {}) });
  const auth = includeToken && token ? shellQuote(`Authorization: Bearer ${token}`) : '"Authorization: Bearer $TOKEN"';
  return [
    `curl -sS -X POST ${shellQuote(url)}`,
    `  -H 'Content-Type: application/json'`,
    `  -H 'Accept: application/graphql-response+json'`,
    `  -H ${auth}`,
    `  --data-raw ${shellQuote(body)}`,
  ].join(' \\\n');
}

function CurlButton({ t, token }: { t: (key: TextKey) => string; token: string | null }) {
  const editor = useEditorContext({ nonNull: true });
  const [open, setOpen] = useState(false);
  const [withToken, setWithToken] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = open
    ? curlCommand(`${window.location.origin}/graphql`, editor.queryEditor?.getValue() ?? '', editor.variableEditor?.getValue() ?? '', editor.tabs[editor.activeTabIndex]?.operationName ?? null, token, withToken)
    : '';
  return (
    <span className="wh-curl-anchor">
      <button type="button" className="graphiql-toolbar-button wh-curl-button" title={t('copyCurl')} aria-label={t('copyCurl')} onClick={() => { setOpen(!open); setCopied(false); }} data-testid="curl-open">
        curl
      </button>
      {open && (
        <div className="wh-curl" data-testid="curl" role="dialog" aria-label={t('copyCurl')}>
          <div className="wh-curl-head">
            <b>{t('copyCurl')}</b>
            <label>
              <input type="checkbox" checked={withToken} onChange={(e) => setWithToken(e.target.checked)} data-testid="curl-include-token" /> {t('includeToken')}
            </label>
          </div>
          {!withToken && <p className="wh-hint">{t('curlHint')}</p>}
          <textarea readOnly value={text} rows={8} data-testid="curl-text" onFocus={(e) => e.target.select()} />
          <div className="wh-actions">
            <button type="button" onClick={() => navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))} data-testid="curl-copy">
              {copied ? t('copied') : t('copy')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>{t('close')}</button>
          </div>
        </div>
      )}
    </span>
  );
}

/**
 * The export request for a list query: the first root field of the operation becomes /export/{field}.csv, its
 * where and order arguments (variables resolved) the same-named parameters, and the scalar fields selected under
 * nodes the columns. Paging (first/after) is not carried over: the export streams the whole filtered list. The
 * export endpoint applies the reader's scope, grants and masks exactly as /graphql does.
 */
export function exportRequest(query: string, variablesText: string, operationName: string | null): { file: string; params: URLSearchParams } {
  const document = parse(query);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = (operationName ? operations.find((o) => o.name?.value === operationName) : undefined) ?? operations[0];
  if (!operation || operation.operation !== 'query') throw new Error('No query operation to export.');
  const root = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && !s.name.value.startsWith('__'));
  if (!root) throw new Error('The query selects no list.');
  let variables: Record<string, unknown> = {};
  if (variablesText.trim()) variables = JSON.parse(variablesText);
  const params = new URLSearchParams();
  for (const name of ['where', 'order']) {
    const arg = root.arguments?.find((a) => a.name.value === name);
    if (arg) params.set(name, JSON.stringify(valueFromASTUntyped(arg.value, variables)));
  }
  const nodes = root.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'nodes');
  const fields = (nodes?.selectionSet?.selections ?? [])
    .filter((s): s is FieldNode => s.kind === Kind.FIELD && !s.selectionSet && !s.name.value.startsWith('__'))
    .map((f) => f.name.value);
  if (fields.length > 0) params.set('fields', fields.join(','));
  return { file: `${root.name.value}.csv`, params };
}

function CsvButton({ t, token }: { t: (key: TextKey) => string; token: string | null }) {
  const editor = useEditorContext({ nonNull: true });
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function download() {
    setState({ busy: true, error: null });
    try {
      const { file, params } = exportRequest(editor.queryEditor?.getValue() ?? '', editor.variableEditor?.getValue() ?? '', editor.tabs[editor.activeTabIndex]?.operationName ?? null);
      params.set('header', 'names');
      const response = await fetch(`/export/${file}?${params}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (!response.ok) {
        const text = await response.text();
        let message = `HTTP ${response.status}`;
        try {
          const body = JSON.parse(text);
          message = (body.errors ?? []).map((e: { extensions?: { code?: string }; message: string }) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join('\n') || message;
        } catch {
          message = `${message}: ${text.slice(0, 300)}`;
        }
        throw new Error(message);
      }
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = file;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ busy: false, error: null });
    } catch (e) {
      setState({ busy: false, error: String((e as Error)?.message ?? e) });
    }
  }
  return (
    <span className="wh-curl-anchor">
      <button type="button" className="graphiql-toolbar-button wh-curl-button" title={t('downloadCsv')} aria-label={t('downloadCsv')} disabled={state.busy} onClick={download} data-testid="csv-download">
        CSV
      </button>
      {state.error && (
        <div className="wh-curl wh-csv-error" role="alert" data-testid="csv-error">
          <p className="wh-error">{state.error}</p>
          <button type="button" onClick={() => setState({ busy: false, error: null })}>{t('close')}</button>
        </div>
      )}
    </span>
  );
}

/** Before any token: say what to do, and send nothing (no introspection that could only fail with 401). */
function NeedToken({ t }: { t: (key: TextKey) => string }) {
  return (
    <div className="wh-need-token" data-testid="need-token">
      <h2>{t('needTokenTitle')}</h2>
      <p>{t('needTokenDev')}</p>
      <p>{t('needTokenPaste')}</p>
      <p className="wh-hint">{t('needTokenWhy')}</p>
    </div>
  );
}

function Ide() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const [token, setToken] = useState<string | null>(() => loadToken(TOKEN_KEY));
  const link = useRef<LinkState>(readLink());
  // What the editors started with, from the link; GraphiQL opens (or finds) a tab with this query.
  const initial = useMemo(() => ({ query: link.current.query ?? undefined, variables: link.current.variables ?? undefined }), []);

  const onToken = useCallback((value: string | null) => {
    saveToken(TOKEN_KEY, value);
    setToken(value);
  }, []);

  const update = useCallback((change: Partial<LinkState>) => {
    link.current = { ...link.current, ...change };
    writeLink(link.current);
  }, []);

  // Signed in, the link names the role and region of the token (what the query was run as); before, the picker's choice.
  const onChoice = useCallback((role: string, region: string | null) => {
    if (!token) update({ role, region });
  }, [token, update]);
  useEffect(() => {
    const claims = token ? tokenClaims(token) : null;
    if (claims) update({ role: [claims.roles ?? ''].flat()[0] || null, region: claims.region_code ?? null });
  }, [token, update]);

  // A new fetcher per token: GraphiQL then fetches the schema again, so completion and docs follow the role.
  const fetcher = useMemo(
    () => async (params: FetcherParams, opts?: FetcherOpts) => {
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
      };
      if (token) headers.Authorization = `Bearer ${token}`;
      Object.assign(headers, opts?.headers ?? {});
      const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
      const text = await response.text();
      try {
        return JSON.parse(text);
      } catch {
        return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
      }
    },
    [token],
  );

  const plugin = useMemo<GraphiQLPlugin>(() => ({ title: t('examples'), icon: ExamplesIcon, content: () => <ExamplesPanel t={t} /> }), [t]);
  // The click-to-build explorer works off GraphiQL's schema, i.e. the introspection made with this token: a field
  // hidden from the role is not in it, so it is not offered.
  const explorer = useMemo<GraphiQLPlugin>(() => ({ ...explorerPlugin({ showAttribution: false }), title: t('explorer') }), [t]);
  const explainer = useMemo<GraphiQLPlugin>(() => ({ title: t('explain'), icon: ExplainIcon, content: () => <ExplainPanel t={t} token={token} /> }), [t, token]);

  return (
    <div className="wh-page">
      <div className="wh-bar wh-bar-ide">
        <span className="wh-title">Warehouse GraphQL</span>
        <SignIn t={t} token={token} onToken={onToken} roles={['village', 'township', 'county', 'admin']}
          initialRole={link.current.role} initialRegion={link.current.region} onChoice={onChoice} />
        <span className="wh-spacer" />
        <a href="/admin">{t('adminLink')}</a>
        <button
          type="button"
          data-testid="lang"
          onClick={() => {
            const next = lang === 'zh' ? 'en' : 'zh';
            storeLang(next);
            setLang(next);
          }}
        >
          {t('language')}
        </button>
      </div>
      <div className="wh-ide">
        {token ? (
          <GraphiQL
            key={token}
            fetcher={fetcher}
            plugins={[explorer, plugin, explainer]}
            isHeadersEditorEnabled
            shouldPersistHeaders={false}
            query={initial.query}
            variables={initial.variables}
            onEditQuery={(query) => update({ query })}
            onEditVariables={(variables) => update({ variables })}
            onTabChange={(tabs) => {
              const tab = tabs.tabs[tabs.activeTabIndex];
              if (tab) update({ query: tab.query ?? null, variables: tab.variables ?? null });
            }}
            toolbar={{ additionalContent: <><CurlButton t={t} token={token} /><CsvButton t={t} token={token} /></> }}
          />
        ) : (
          <NeedToken t={t} />
        )}
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
