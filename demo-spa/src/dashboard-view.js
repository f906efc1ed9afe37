// The dashboard: in JWT mode the current token decoded and verified (or a
// banner saying it no longer is), live countdowns to expiry and to the next
// scheduled refresh, the clock-skew estimate in words and the token-life
// picture; in session mode what the server said of the session (session-card.js).
// Then, in both, the controls, the last API answer, the comparison panel, the
// attacks and the timeline.
import { decodeProtectedHeader } from 'edjwt';
import { h, replace } from './dom.js';
import { sessionCard } from './session-card.js';
import { countdown, describeOffset, json, localDate, relative } from './format.js';

const SKEWS = [
  [-600_000, 'local clock 10 min slow'],
  [-60_000, '1 min slow'],
  [0, 'no skew'],
  [60_000, '1 min fast'],
  [600_000, '10 min fast'],
];

const API_PLACEHOLDER = 'No API call yet: the buttons "Call GET /api/me" and "Call GET /api/notes" show the answer here.';
const TIME_CLAIMS = [['iat', 'issued'], ['nbf', 'not before'], ['exp', 'expires']];

function showApiResult(box, result) {
  box.className = `code api-result ${result ? result.tone : 'placeholder'}`;
  box.textContent = result ? result.text : API_PLACEHOLDER;
}

/** A destructive action behind a second, explicit click. */
function confirmedButton(id, label, question, action) {
  const ask = h('span', { className: 'confirm', id: `${id}-confirm`, hidden: true, role: 'group', 'aria-label': question },
    `${question} `,
    h('button', { type: 'button', className: 'danger', id: `${id}-yes`, onclick: () => { ask.hidden = true; action(); } }, 'Yes'),
    ' ',
    h('button', { type: 'button', className: 'secondary', id: `${id}-no`, onclick: () => { ask.hidden = true; } }, 'Cancel'));
  return [h('button', { id, type: 'button', className: 'danger', onclick: () => { ask.hidden = false; } }, label), ask];
}

/** The controls both modes share, around the mode's own (`extra`). */
function controlsOf(app, apiResult, extra) {
  const button = (id, label, action, className) => h('button', { id, type: 'button', className, onclick: action }, label);
  return h('div', { className: 'controls' },
    button('call-me', 'Call GET /api/me', async () => showApiResult(apiResult, await app.callApi('me'))),
    button('call-notes', 'Call GET /api/notes', async () => showApiResult(apiResult, await app.callApi('notes'))),
    extra,
    confirmedButton('revoke-all', 'Revoke all my sessions', 'Sign out every tab and device?', () => app.revokeAll()),
    button('logout', 'Log out', () => app.logout(), 'danger'));
}

/** The parts below the mode's status: the API answer, the comparison, the attacks, the timeline. */
function sharedSections(app, apiResult) {
  return [
    h('section', { className: 'card' }, h('h2', {}, 'API response'), apiResult),
    app.comparison.element,
    app.attacks.element,
    h('section', { className: 'card wide' }, h('h2', {}, 'Timeline'), app.timeline.element),
  ];
}

function sessionDashboard(app) {
  const apiResult = h('pre', { id: 'api-result', 'aria-live': 'polite' });
  showApiResult(apiResult, app.apiResult);
  const card = sessionCard(app, controlsOf(app, apiResult));
  return { element: h('div', { className: 'dashboard' }, card.element, ...sharedSections(app, apiResult)), dispose: card.dispose };
}

export function dashboardView(app) {
  if (app.mode === 'session') return sessionDashboard(app);
  const fields = {
    user: h('span', { id: 'user' }),
    state: h('span', { id: 'state' }),
    expiresIn: h('span', { id: 'expires-in' }),
    nextRefresh: h('span', { id: 'next-refresh' }),
    offset: h('span', { id: 'clock-offset' }),
    kid: h('span', { id: 'kid', className: 'wrap' }),
    signature: h('span', { id: 'signature' }),
  };
  const banner = h('p', { id: 'token-banner', className: 'notice warning', role: 'alert', hidden: true });
  const header = h('pre', { id: 'header', className: 'code' });
  const claims = h('pre', { id: 'claims', className: 'code' });
  const claimTimes = h('dl', { id: 'claim-times' });
  const apiResult = h('pre', { id: 'api-result', 'aria-live': 'polite' });
  showApiResult(apiResult, app.apiResult);

  const skew = h('select', { id: 'skew', onchange: () => app.setSkew(Number(skew.value)) },
    SKEWS.map(([ms, label]) => h('option', { value: String(ms), selected: ms === app.skewMs }, label)));

  const denyList = h('input', { type: 'checkbox', id: 'deny-list', checked: app.denyList, onchange: () => app.setDenyList(denyList.checked) });
  const button = (id, label, action, className) => h('button', { id, type: 'button', className, onclick: action }, label);
  const controls = controlsOf(app, apiResult, [
    button('refresh-now', 'Refresh now', () => app.refreshNow()),
    button('rotate-key', 'Rotate the server key', () => app.rotateKey(), 'danger'),
    h('label', { for: 'skew' }, 'Simulate clock skew'), skew,
    h('label', { className: 'switch' }, denyList, ' The API checks the deny-list (demo switch: off, a revoked token works until it expires)'),
  ]);

  const row = (label, value) => h('div', { className: 'row' }, h('dt', {}, label), h('dd', {}, value));
  const update = () => {
    const session = app.session;
    if (!session) return;
    const now = app.now();
    const expired = session.expiresAt !== null && session.expiresAt.getTime() <= now;
    fields.user.textContent = session.claims?.sub ?? '—';
    fields.state.textContent = session.state;
    fields.expiresIn.textContent = session.expiresAt ? countdown(session.expiresAt.getTime() - now) : 'never (no exp claim)';
    fields.nextRefresh.textContent = session.nextRefreshAt ? relative(new Date(Math.max(now, session.nextRefreshAt.getTime())), now) : '—';
    fields.offset.textContent = `${describeOffset(session.clockOffsetMs)}; estimate ${(session.clockOffsetMs / 1000).toFixed(1)} s`;
    fields.offset.dataset.offsetMs = String(session.clockOffsetMs);
    banner.hidden = !expired;
    banner.textContent = expired ? `This access token has expired (${countdown(session.expiresAt.getTime() - now)}); it is no longer valid, and the API refuses it once past its few seconds of clock tolerance.` : '';
    fields.signature.replaceChildren(expired ? 'was verified when it arrived; no longer valid (expired)' : 'verified against the server JWKS');
    if (app.token) {
      const protectedHeader = decodeProtectedHeader(app.token);
      fields.kid.textContent = protectedHeader.kid ?? '(none)';
      header.textContent = json(protectedHeader);
    }
    claims.textContent = json(session.claims ?? {});
    denyList.checked = app.denyList;
    app.tokenLife.draw({ nowMs: now, clockOffsetMs: session.clockOffsetMs, nextRefreshAt: session.nextRefreshAt });
    replace(claimTimes, TIME_CLAIMS.filter(([claim]) => typeof session.claims?.[claim] === 'number')
      .map(([claim, label]) => row(`${claim} (${label})`, `${session.claims[claim]} = ${localDate(session.claims[claim])} local time`)));
  };
  update();
  const interval = setInterval(update, 250);

  const element = h('div', { className: 'dashboard' },
    h('section', { className: 'card status', 'aria-label': 'Session status' },
      h('h1', {}, 'Session'),
      banner,
      h('dl', {},
        row('Signed in as', fields.user),
        row('State', fields.state),
        row('Signature', h('span', {}, fields.signature, ', key ', fields.kid)),
        row('Token', fields.expiresIn),
        row('Next refresh', fields.nextRefresh),
        row('Clock skew estimate', fields.offset)),
      controls),
    h('section', { className: 'card' }, h('h2', {}, 'Protected header'), header, h('h2', {}, 'Claims'), claims, h('h2', {}, 'Times in the claims'), claimTimes),
    h('section', { className: 'card wide' }, h('h2', {}, 'The life of each access token'), app.tokenLife.element),
    ...sharedSections(app, apiResult));
  return { element, dispose: () => clearInterval(interval) };
}
