// The login form, with the choice of model (JWT or server-side session), why
// the last session ended, a throttled sign-in's wait counted down, and what
// outlives the session: the comparison figures, the attack results and the
// timeline. The demo users' passwords are public (the backend prints them
// too); in JWT mode the access token comes back in the body and the refresh
// token as an HttpOnly cookie, in session mode only the session cookie.
import { h } from './dom.js';

const MODES = [
  ['jwt', 'JWT', 'a short-lived access token in memory, renewed through a rotating refresh cookie'],
  ['session', 'Session cookie', 'an opaque id in an HttpOnly cookie, looked up by the server on every request'],
];

export function loginView({ onLogin, notice, app }) {
  const error = h('p', { className: 'error', role: 'alert', id: 'login-error' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, value: 'alice' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const modes = MODES.map(([value, label, description]) => h('label', { className: 'mode' },
    h('input', { type: 'radio', name: 'mode', id: `mode-${value}`, value, checked: value === app.mode }), ` ${label}: `, h('span', { className: 'hint' }, description)));
  const submit = h('button', { type: 'submit', id: 'login' }, 'Sign in');
  let countdown;

  // A 429's wait, counted down on the button; the form is usable again at its end.
  function throttled(message, seconds) {
    const until = Date.now() + seconds * 1000;
    error.dataset.retryAfter = String(seconds);
    submit.disabled = true;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0 || !submit.isConnected) {
        clearInterval(countdown);
        submit.disabled = false;
        submit.textContent = 'Sign in';
        return;
      }
      submit.textContent = `Sign in (wait ${left} s)`;
    };
    error.textContent = `${message} (429 Too Many Requests, Retry-After: ${seconds} s)`;
    tick();
    countdown = setInterval(tick, 250);
  }

  const onSubmit = async (event) => {
    event.preventDefault();
    error.textContent = '';
    delete error.dataset.retryAfter;
    const mode = modes.map((label) => label.querySelector('input')).find((input) => input.checked)?.value ?? 'jwt';
    try {
      await onLogin(username.value, password.value, mode);
    } catch (failure) {
      if (failure.status === 429 && failure.retryAfter) throttled(failure.message, failure.retryAfter);
      else error.textContent = failure.message;
      password.focus();
    }
  };
  return h('div', {},
    h('section', { className: 'card login-card' },
      h('h1', {}, 'Sign in'),
      notice && h('p', { id: 'session-ended', className: `notice ${notice.tone}`, role: 'status', 'data-tone': notice.tone }, notice.text),
      h('form', { onsubmit: onSubmit },
        h('label', { for: 'username' }, 'User'), username,
        h('label', { for: 'password' }, 'Password'), password,
        h('fieldset', { className: 'modes' }, h('legend', {}, 'Model'), modes),
        submit),
      error,
      h('p', { className: 'hint' }, 'Demo users: alice / alice-password, bob / bob-password. Repeated wrong passwords are throttled, as in a real deployment.')),
    // Once something happened: the figures and attack results outlive the session.
    app.timeline.size > 0 && app.comparison.element,
    app.timeline.size > 0 && app.attacks.element,
    app.timeline.size > 0 && h('section', { className: 'card login-card', id: 'past-timeline' }, h('h2', {}, 'What happened so far'), app.timeline.element));
}
