// The dashboard: the current token decoded and verified, live countdowns to
// expiry and to the next scheduled refresh, the clock-skew estimate, the
// controls, and the timeline.
import { decodeProtectedHeader } from 'edjwt';
import { h, replace } from './dom.js';
import { duration, json } from './format.js';

const SKEWS = [
  [-600_000, 'local clock 10 min slow'],
  [-60_000, '1 min slow'],
  [0, 'no skew'],
  [60_000, '1 min fast'],
  [600_000, '10 min fast'],
];

function describeOffset(ms) {
  if (ms === 0) return 'issuer and local clocks agree (within a second)';
  return `issuer clock is ${duration(Math.abs(ms))} ${ms > 0 ? 'ahead of' : 'behind'} the local clock`;
}

export function dashboardView(app) {
  const fields = {
    user: h('span', { id: 'user' }),
    state: h('span', { id: 'state' }),
    expiresIn: h('span', { id: 'expires-in' }),
    nextRefresh: h('span', { id: 'next-refresh' }),
    offset: h('span', { id: 'clock-offset' }),
    kid: h('span', { id: 'kid' }),
  };
  const header = h('pre', { id: 'header', className: 'code' });
  const claims = h('pre', { id: 'claims', className: 'code' });
  const apiResult = h('pre', { id: 'api-result', className: 'code', 'aria-live': 'polite' });

  const skew = h('select', { id: 'skew', onchange: () => app.setSkew(Number(skew.value)) },
    SKEWS.map(([ms, label]) => h('option', { value: String(ms), selected: ms === app.skewMs }, label)));

  const button = (id, label, action) => h('button', { id, type: 'button', onclick: action }, label);
  const controls = h('div', { className: 'controls' },
    button('call-me', 'Call GET /api/me', () => app.callApi('me', apiResult)),
    button('call-notes', 'Call GET /api/notes', () => app.callApi('notes', apiResult)),
    button('refresh-now', 'Refresh now', () => app.refreshNow()),
    button('rotate-key', 'Rotate the server key', () => app.rotateKey()),
    button('revoke-all', 'Revoke all my sessions', () => app.revokeAll()),
    button('logout', 'Log out', () => app.logout()),
    h('label', { for: 'skew' }, 'Simulate clock skew'), skew);

  const update = () => {
    const session = app.session;
    if (!session) return;
    const now = app.now();
    fields.user.textContent = session.claims?.sub ?? '—';
    fields.state.textContent = session.state;
    fields.expiresIn.textContent = session.expiresAt ? duration(session.expiresAt.getTime() - now) : '—';
    fields.nextRefresh.textContent = session.nextRefreshAt ? duration(Math.max(0, session.nextRefreshAt.getTime() - now)) : '—';
    fields.offset.textContent = describeOffset(session.clockOffsetMs);
    if (app.token) {
      const protectedHeader = decodeProtectedHeader(app.token);
      fields.kid.textContent = protectedHeader.kid ?? '(none)';
      header.textContent = json(protectedHeader);
    }
    claims.textContent = json(session.claims ?? {});
  };
  update();
  const interval = setInterval(update, 250);

  const row = (label, value) => h('div', { className: 'row' }, h('dt', {}, label), h('dd', {}, value));
  const element = h('div', { className: 'dashboard' },
    h('section', { className: 'card status', 'aria-label': 'Session status' },
      h('h1', {}, 'Session'),
      h('dl', {},
        row('Signed in as', fields.user),
        row('State', fields.state),
        row('Signature', h('span', { id: 'signature' }, 'verified against the server JWKS, key ', fields.kid)),
        row('Token expires in', fields.expiresIn),
        row('Next refresh in', fields.nextRefresh),
        row('Clock skew estimate', fields.offset)),
      controls),
    h('section', { className: 'card' }, h('h2', {}, 'Protected header'), header, h('h2', {}, 'Claims'), claims),
    h('section', { className: 'card' }, h('h2', {}, 'API response'), apiResult),
    h('section', { className: 'card wide' }, h('h2', {}, 'Timeline'), app.timeline.element));
  return { element, dispose: () => clearInterval(interval), refresh: () => replace(apiResult) };
}
