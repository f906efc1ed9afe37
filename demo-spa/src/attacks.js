// Attacks to try. Each button makes the attack for real against this tab's
// own session, then its result panel says what happened and which defence
// stopped it, from what the browser, the library and the backend answered
// (never a foregone conclusion: a result that does not show the defence
// working says so). The panel outlives the views, as an attack may end the
// session.
import { jwtVerify } from 'edjwt';
import * as api from './api.js';
import { jwks, VERIFY_OPTIONS } from './demo-session.js';
import { h, replace } from './dom.js';
import { duration } from './format.js';

const CROSS_SITE_WAIT_MS = 10_000;
const REPLAY_BURST = 5;

const toBase64url = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64url = (part) => new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The library's verdict on `token` against the backend's JWKS: 'accepted' or the error's name and code. */
async function libraryVerdict(token) {
  try {
    await jwtVerify(token, jwks, VERIFY_OPTIONS);
    return { accepted: true, text: 'edjwt accepted it' };
  } catch (error) {
    return { accepted: false, code: error.code, text: `edjwt refused it: ${error.name} (${error.code})` };
  }
}

const apiText = (response) => `the API answered ${response.status}${response.challenge ? ` with WWW-Authenticate: ${response.challenge}` : ''}`;

async function replayRefreshToken() {
  // Page script cannot read the refresh cookie (HttpOnly), so the replay uses
  // the browser: refreshes sent at once all carry the cookie as it is; the
  // first to arrive rotates it, the others present the token just rotated
  // away, as a thief holding a copy would.
  const answers = await Promise.all(Array.from({ length: REPLAY_BURST }, async () => {
    const response = await api.refresh();
    return { status: response.status, body: await response.json().catch(() => ({})) };
  }));
  const winner = answers.find((a) => a.status === 200);
  const replay = answers.find((a) => a.body.error === 'refresh_token_reused');
  const tally = new Map();
  for (const a of answers) {
    const key = `${a.status}${a.body.error ? ` ${a.body.error}` : ' (a new token pair)'}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const lines = [`${REPLAY_BURST} refreshes sent at once with this browser's cookie: ${[...tally].map(([key, n]) => `${n} × ${key}`).join(', ')}`];
  let familyEnded = false;
  if (winner) {
    const me = await api.me(winner.body.access_token);
    familyEnded = me.status === 401;
    lines.push(`the access token the rotation just issued: ${apiText(me)}`);
  }
  return {
    stopped: Boolean(replay) && (!winner || familyEnded),
    lines,
    defence: 'refresh-token rotation with reuse detection: a second use of a token revokes its whole family, and the server pushes the end to every tab',
  };
}

async function tamperClaim(app) {
  const [header, payload, signature] = app.token.split('.');
  const claims = JSON.parse(fromBase64url(payload));
  const original = claims.sub;
  claims.sub = original === 'mallory' ? 'eve' : 'mallory';
  const tampered = [header, toBase64url(JSON.stringify(claims)), signature].join('.');
  const library = await libraryVerdict(tampered);
  const response = await api.me(tampered);
  return {
    stopped: library.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' && response.status === 401 && /signature/.test(response.challenge ?? ''),
    lines: [`changed sub from "${original}" to "${claims.sub}", kept the signature`, library.text, apiText(response)],
    defence: 'the Ed25519 signature covers every claim: the library and the API both check it with the key, and the key alone decides',
  };
}

async function expiredToken(app) {
  const issuerNow = app.now() + (app.session?.clockOffsetMs ?? 0);
  const held = app.heldTokens.find((t) => t.expMs <= issuerNow);
  if (!held) {
    const oldest = app.heldTokens[0];
    return { waiting: true, lines: [`no expired token yet: the oldest this tab held expires in ${duration(oldest.expMs - issuerNow)}; try again then`] };
  }
  const library = await libraryVerdict(held.token);
  const response = await api.me(held.token);
  const lines = [`took a token this tab held, expired ${duration(issuerNow - held.expMs)} ago`, library.text, apiText(response)];
  if (response.status === 200) {
    return { waiting: true, lines: [...lines, 'still inside the server\'s few seconds of clock tolerance; try again in a few seconds'] };
  }
  return {
    stopped: response.status === 401 && /expired/.test(response.challenge ?? ''),
    lines,
    defence: 'exp: the token carries its own end, checked by the library and the API (with a few seconds of clock tolerance)',
  };
}

async function readCookie(app) {
  const names = document.cookie.split(';').map((pair) => pair.split('=')[0].trim()).filter(Boolean);
  const server = await api.currentSession();
  const cookieName = app.mode === 'session' ? 'session_id' : 'refresh_token';
  return {
    stopped: server.active === true && !names.includes('refresh_token') && !names.includes('session_id'),
    lines: [
      `document.cookie = ${JSON.stringify(document.cookie)}`,
      `the server ${server.active ? 'still sees' : 'does not see'} a live ${server.mode ?? ''} session from this browser's cookie`,
    ],
    defence: `HttpOnly: the browser sends ${cookieName} with requests but never shows it to page script, so an XSS cannot read it`,
  };
}

async function crossSitePost(app) {
  const token = await app.session.getToken();
  const before = (await api.crossSiteAttempts(token)).data;
  const lastAt = before.attempts.at(-1)?.at ?? 0;
  const host = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const page = `http://${host}:${before.attacker_port}/?target=${encodeURIComponent(location.origin)}`;
  window.open(page, '_blank', 'noopener,popup,width=480,height=320');
  let attempts = [];
  for (const started = performance.now(); attempts.length < 2 && performance.now() - started < CROSS_SITE_WAIT_MS; await sleep(200)) {
    attempts = (await api.crossSiteAttempts(await app.session.getToken())).data.attempts.filter((a) => a.at > lastAt);
  }
  if (attempts.length === 0) return { waiting: true, lines: [`the attacker page (${page}) sent nothing the backend saw; was the pop-up blocked?`] };
  const me = await api.me(await app.session.getToken());
  const lines = attempts.map((a) => `the backend refused ${a.method} ${a.path} from ${a.origin}: ${a.status} ${a.error}; the browser sent a credential cookie: ${a.cookie_sent ? 'yes' : 'no'}`);
  lines.push(`afterwards, with this tab's credential: ${apiText(me)}`);
  const sameSite = attempts.every((a) => !a.cookie_sent);
  return {
    stopped: attempts.every((a) => a.status === 403) && me.status === 200,
    lines,
    defence: `the Origin check on state-changing routes (403)${sameSite ? ', and SameSite=Strict: the browser did not even attach the cookie' : ''}`,
  };
}

async function memoryOnly(app) {
  const stored = [localStorage, sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => storage.getItem(key)));
  const tokenLike = stored.filter((value) => /eyJ[\w-]*\.[\w-]+\.[\w-]*/.test(value) || (app.token && value.includes(app.token)));
  const where = app.mode === 'session' ? 'the session id lives only in the browser\'s cookie jar' : 'the access token lives in a JavaScript variable';
  return {
    stopped: tokenLike.length === 0,
    lines: [
      `localStorage and sessionStorage hold ${stored.length} item(s), ${tokenLike.length} of them token-like`,
      `${where}; reload the page: it starts with no credential and gets a new one through the HttpOnly cookie (the timeline will say "restored")`,
    ],
    defence: 'nothing in Web Storage, which any script on the page (an XSS) could read and keep',
    reload: true,
  };
}

const ATTACKS = [
  { id: 'replay', label: 'Replay a rotated refresh token', modes: ['jwt'], run: replayRefreshToken },
  { id: 'tamper', label: 'Tamper with a claim of the access token', modes: ['jwt'], run: tamperClaim },
  { id: 'expired', label: 'Call the API with an expired token', modes: ['jwt'], run: expiredToken },
  { id: 'read-cookie', label: 'Read the credential cookie from page script', modes: ['jwt', 'session'], run: readCookie },
  { id: 'cross-site', label: 'Cross-site POST from another origin', modes: ['jwt', 'session'], run: crossSitePost },
  { id: 'memory-only', label: 'Look for the token in Web Storage', modes: ['jwt', 'session'], run: memoryOnly },
];

function resultView(result) {
  const outcome = result.waiting ? 'waiting' : result.stopped ? 'stopped' : 'not-stopped';
  const verdict = { waiting: 'Not tried yet.', stopped: 'Stopped.', 'not-stopped': 'NOT stopped as expected: see what happened.' }[outcome];
  return [
    h('p', { className: `verdict ${outcome}` }, verdict),
    h('ul', {}, result.lines.map((line) => h('li', {}, line))),
    result.defence && h('p', { className: 'defence' }, `Defence: ${result.defence}.`),
    result.reload && h('button', { type: 'button', className: 'secondary', id: 'attack-memory-only-reload', onclick: () => location.reload() }, 'Reload the page'),
  ];
}

export class AttackPanel {
  #app;
  #buttons = new Map();
  element;

  constructor(app) {
    this.#app = app;
    this.element = h('section', { className: 'card wide attacks', id: 'attacks', 'aria-label': 'Attacks to try' },
      h('h2', {}, 'Attacks to try'),
      h('p', { className: 'hint' }, 'Each one is made for real against this tab\'s own session.'),
      ATTACKS.map((attack) => this.#attackView(attack)));
  }

  #attackView(attack) {
    const result = h('div', { className: 'attack-result', id: `attack-${attack.id}-result`, 'aria-live': 'polite' });
    const button = h('button', { type: 'button', id: `attack-${attack.id}`, onclick: () => this.#run(attack, button, result) }, attack.label);
    this.#buttons.set(attack, button);
    return h('div', { className: 'attack' }, button, h('span', { className: 'hint' }, ` (${attack.modes.length === 2 ? 'both modes' : 'JWT mode'})`), result);
  }

  async #run(attack, button, result) {
    button.disabled = true;
    result.dataset.outcome = 'running';
    replace(result, h('p', {}, 'Trying…'));
    let outcome;
    try {
      outcome = await attack.run(this.#app);
    } catch (error) {
      outcome = { waiting: true, lines: [`the attempt itself failed: ${error.message}`] };
    }
    result.dataset.outcome = outcome.waiting ? 'waiting' : outcome.stopped ? 'stopped' : 'not-stopped';
    replace(result, resultView(outcome));
    this.#app.timeline.add('attack', `${attack.label}: ${result.dataset.outcome}`);
    this.update();
  }

  /** Enables the attacks that apply to the current session's mode. */
  update() {
    const { mode, session } = this.#app;
    for (const [attack, button] of this.#buttons) button.disabled = !session || !attack.modes.includes(mode);
  }
}
