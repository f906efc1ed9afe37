// Session mode's status card: who is signed in, that the credential is an
// opaque id this page cannot read, and the two ends the server keeps for
// it, counted down live: the idle timeout (moved on by each API call; the
// server's answer says by how much) and the absolute end.
import { h } from './dom.js';
import { countdown } from './format.js';

export function sessionCard(app, controls) {
  const fields = {
    user: h('span', { id: 'user' }),
    idle: h('span', { id: 'session-idle' }),
    end: h('span', { id: 'session-end' }),
  };
  const row = (label, value) => h('div', { className: 'row' }, h('dt', {}, label), h('dd', {}, value));
  const update = () => {
    const session = app.session;
    if (!session) return;
    fields.user.textContent = session.claims.sub;
    fields.idle.dataset.idleUntil = String(session.idleUntil.getTime());
    fields.idle.textContent = `${countdown(session.idleUntil.getTime() - Date.now())} unless used (each API call moves it ${session.idleTimeoutSeconds} s on)`;
    fields.end.textContent = countdown(session.absoluteEnd.getTime() - Date.now());
  };
  update();
  const interval = setInterval(update, 250);
  const element = h('section', { className: 'card status', id: 'session-status', 'aria-label': 'Session status' },
    h('h1', {}, 'Session (server-side)'),
    h('dl', {},
      row('Signed in as', fields.user),
      row('Credential', h('span', { id: 'credential' }, 'an opaque random id in the HttpOnly cookie session_id: this page cannot read it; the browser sends it on every request')),
      row('Idle timeout', fields.idle),
      row('Absolute end', fields.end)),
    controls);
  return { element, dispose: () => clearInterval(interval) };
}
