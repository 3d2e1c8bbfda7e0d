// The token bar shared by the IDE and the console: in Development a role/region picker that asks the server
// for a local token (POST /dev/token); elsewhere a field to paste a token (Entra ID or other).
import { useEffect, useMemo, useState } from 'react';
import { devRegions, devToken, RegionInfo, tokenClaims } from './api';
import { roleName, TextKey } from './i18n';

interface Props {
  t: (key: TextKey) => string;
  token: string | null;
  onToken: (token: string | null) => void;
  roles: string[];
  /** Role and region to preselect (the IDE reads them from its URL). */
  initialRole?: string | null;
  initialRegion?: string | null;
  /** Told the chosen role and region, so the IDE can put them in its URL. */
  onChoice?: (role: string, region: string | null) => void;
}

const levelOf: Record<string, string> = { county: 'COUNTY', township: 'TOWNSHIP', village: 'VILLAGE' };

export function SignIn({ t, token, onToken, roles, initialRole, initialRegion, onChoice }: Props) {
  const [regions, setRegions] = useState<RegionInfo[] | null | undefined>(undefined);
  const [role, setRole] = useState(initialRole && roles.includes(initialRole) ? initialRole : roles[0]);
  const [township, setTownship] = useState('');
  const [region, setRegion] = useState(initialRegion ?? '');
  // Signed in, the picker folds away behind one button so the bar stays on one line.
  const [open, setOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    devRegions().then((r) => live && setRegions(r));
    return () => {
      live = false;
    };
  }, []);

  // A village given in the URL: preselect its township once the tree has loaded.
  useEffect(() => {
    if (!regions || !initialRegion || township) return;
    const r = regions.find((x) => x.code === initialRegion);
    if (r?.level === 'VILLAGE' && r.parentCode) setTownship(r.parentCode);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [regions]);

  useEffect(() => {
    onChoice?.(role, levelOf[role] ? region || null : null);
  }, [role, region, onChoice]);

  const townships = useMemo(() => (regions ?? []).filter((r) => r.level === 'TOWNSHIP'), [regions]);
  const choices = useMemo(() => {
    const level = levelOf[role];
    if (!level || !regions) return [];
    return regions.filter((r) => r.level === level && (level !== 'VILLAGE' || !township || r.parentCode === township));
  }, [regions, role, township]);

  useEffect(() => {
    if (choices.length > 0 && !choices.some((c) => c.code === region)) setRegion(choices[0].code);
  }, [choices, region]);

  const claims = token ? tokenClaims(token) : null;
  const shown = claims
    ? `${claims.sub ?? '?'} · ${[claims.roles ?? ''].flat().map((r) => roleName(t, r)).join(',')}${claims.region_code ? ' · ' + claims.region_code : ''}`
    : t('notSignedIn');

  async function getDevToken() {
    setError(null);
    try {
      const issued = await devToken(role, levelOf[role] ? region : null);
      onToken(issued.token);
      setOpen(false);
    } catch (e) {
      setError(String((e as Error).message));
    }
  }

  return (
    <div className="wh-signin" data-testid="signin">
      <span className="wh-who" data-testid="signed-in-as" title={shown}>
        {t('signedInAs')}: <b>{shown}</b>
      </span>
      {token && (
        <button type="button" onClick={() => onToken(null)} data-testid="sign-out">
          {t('signOut')}
        </button>
      )}
      {token && !open ? (
        <button type="button" onClick={() => setOpen(true)} data-testid="switch-role">
          {t('switchRole')}
        </button>
      ) : regions === undefined ? null : regions !== null ? (
        <span className="wh-dev" data-testid="dev-picker">
          <span className="wh-tag">{t('devOnly')}</span>
          <label>
            {t('role')}{' '}
            <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="dev-role">
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleName(t, r)} ({r})
                </option>
              ))}
            </select>
          </label>
          {role === 'village' && (
            <label>
              {t('township')}{' '}
              <select value={township} onChange={(e) => setTownship(e.target.value)} data-testid="dev-township">
                <option value="">—</option>
                {townships.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name} {r.code}
                  </option>
                ))}
              </select>
            </label>
          )}
          {levelOf[role] && (
            <label>
              {t('region')}{' '}
              <select value={region} onChange={(e) => setRegion(e.target.value)} data-testid="dev-region">
                {choices.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name} {r.code}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" onClick={getDevToken} data-testid="dev-get-token">
            {t('getToken')}
          </button>
        </span>
      ) : (
        <span className="wh-paste">
          <input
            type="password"
            placeholder={t('pasteToken')}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            data-testid="token-input"
            autoComplete="off"
          />
          <button type="button" disabled={!pasted.trim()} onClick={() => { onToken(pasted.trim().replace(/^Bearer\s+/i, '')); setPasted(''); setOpen(false); }} data-testid="token-use">
            {t('useToken')}
          </button>
        </span>
      )}
      {error && <span className="wh-error">{error}</span>}
    </div>
  );
}
