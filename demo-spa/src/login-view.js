// The login form, with why the last session ended and its timeline. The demo
// users' passwords are public (they are printed by the backend too); the
// access token comes back in the body, the refresh token as an HttpOnly cookie.
import { h } from './dom.js';

export function loginView({ onLogin, notice, timeline }) {
  const error = h('p', { className: 'error', role: 'alert' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, value: 'alice' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await onLogin(username.value, password.value);
    } catch (failure) {
      error.textContent = failure.message;
      password.focus();
    }
  };
  return h('div', {},
    h('section', { className: 'card login-card' },
      h('h1', {}, 'Sign in'),
      notice && h('p', { id: 'session-ended', className: `notice ${notice.tone}`, role: 'status', 'data-tone': notice.tone }, notice.text),
      h('form', { onsubmit: submit },
        h('label', { for: 'username' }, 'User'), username,
        h('label', { for: 'password' }, 'Password'), password,
        h('button', { type: 'submit', id: 'login' }, 'Sign in')),
      error,
      h('p', { className: 'hint' }, 'Demo users: alice / alice-password, bob / bob-password.')),
    timeline.size > 0 && h('section', { className: 'card login-card', id: 'past-timeline' }, h('h2', {}, 'What happened so far'), timeline.element));
}
