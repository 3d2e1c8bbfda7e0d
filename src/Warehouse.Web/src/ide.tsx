// GET /graphql in a browser: GraphiQL (editor with completion from the schema, docs explorer, history,
// variables and headers) with a token bar and the example queries.
import { GraphiQL } from 'graphiql';
import type { FetcherParams, FetcherOpts } from '@graphiql/toolkit';
import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import './common.css';
import './ide.css';
import { loadSetting, saveSetting } from './api';
import { examples } from './examples';
import { initialLang, Lang, storeLang, translator, TextKey } from './i18n';
import { SignIn } from './SignIn';

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

function Ide() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const [token, setToken] = useState<string | null>(() => loadSetting(TOKEN_KEY));

  const onToken = useCallback((value: string | null) => {
    saveSetting(TOKEN_KEY, value);
    setToken(value);
  }, []);

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

  return (
    <div className="wh-page">
      <div className="wh-bar">
        <span className="wh-title">Warehouse GraphQL</span>
        <SignIn t={t} token={token} onToken={onToken} roles={['village', 'township', 'county', 'admin']} />
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
        <GraphiQL key={token ?? 'anonymous'} fetcher={fetcher} plugins={[plugin]} isHeadersEditorEnabled shouldPersistHeaders={false} />
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
