// The Explain panel of the IDE: POST /graphql/explain with the editor's query, then each SQL statement the
// query ran and the database's plan for it. The server runs the query as /graphql would, drops the data and
// never sends a value (parameters by name only, literals in plans replaced by '?'); it offers this in
// Development and to admins only, so anyone else sees its refusal here.
import { useEditorContext } from '@graphiql/react';
import { useState } from 'react';
import type { GraphQLError } from './api';
import type { TextKey } from './i18n';

export interface ExplainedStatement {
  sql: string;
  parameters: string[];
  plan: string[] | null;
  planError: string | null;
}

export interface ExplainAnswer {
  provider?: string;
  status?: number;
  statements?: ExplainedStatement[];
  errors?: GraphQLError[] | null;
}

export async function explain(token: string | null, query: string, variablesText: string, operationName: string | null): Promise<ExplainAnswer> {
  let variables: unknown = undefined;
  if (variablesText.trim()) variables = JSON.parse(variablesText);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch('/graphql/explain', { method: 'POST', headers, body: JSON.stringify({ query, variables, operationName }) });
  const text = await response.text();
  try {
    return JSON.parse(text) as ExplainAnswer;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 300)}`, extensions: { code: `HTTP_${response.status}` } }] };
  }
}

const isWrite = (sql: string) => !/^\s*(SELECT|WITH)\b/i.test(sql);

export function ExplainPanel({ t, token }: { t: (key: TextKey) => string; token: string | null }) {
  const editor = useEditorContext({ nonNull: true });
  const [state, setState] = useState<{ busy: boolean; answer: ExplainAnswer | null }>({ busy: false, answer: null });
  async function run() {
    setState({ busy: true, answer: null });
    try {
      const answer = await explain(token, editor.queryEditor?.getValue() ?? '', editor.variableEditor?.getValue() ?? '', editor.tabs[editor.activeTabIndex]?.operationName ?? null);
      setState({ busy: false, answer });
    } catch (e) {
      setState({ busy: false, answer: { errors: [{ message: String((e as Error)?.message ?? e) }] } });
    }
  }
  const answer = state.answer;
  return (
    <div className="wh-explain" data-testid="explain">
      <div className="graphiql-doc-explorer-title">{t('explain')}</div>
      <p className="wh-hint">{t('explainHint')}</p>
      <button type="button" className="wh-explain-run" onClick={run} disabled={state.busy} data-testid="explain-run">
        {state.busy ? t('explainBusy') : t('explainRun')}
      </button>
      {answer?.errors && answer.errors.length > 0 && (
        <div className="wh-explain-errors" role="alert" data-testid="explain-errors">
          <b>{t('explainErrors')}</b>
          {answer.errors.map((e, i) => (
            <p key={i} className="wh-error"><code>{e.extensions?.code ?? ''}</code> {e.message}</p>
          ))}
        </div>
      )}
      {answer?.statements && (
        <>
          <p className="wh-hint" data-testid="explain-summary">{answer.provider} · {answer.statements.length} {t('explainStatements')}</p>
          <ol className="wh-explain-list">
            {answer.statements.map((s, i) => (
              <li key={i} data-testid="explain-statement">
                <pre className="wh-explain-sql" data-testid="explain-sql">{s.sql.trim()}</pre>
                {s.parameters.length > 0 && <p className="wh-hint">{t('explainParameters')}: <code>{s.parameters.join(', ')}</code></p>}
                {s.plan ? (
                  <>
                    <b>{t('explainPlan')}</b>
                    <pre className="wh-explain-plan" data-testid="explain-plan">{s.plan.join('\n')}</pre>
                  </>
                ) : (
                  <p className="wh-hint">{isWrite(s.sql) ? t('explainWrite') : t('explainNoPlan')}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export function ExplainIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h6v4H4zM14 15h6v4h-6zM14 5h6v4h-6z" />
      <path d="M7 9v8h7M17 9v6" />
    </svg>
  );
}
