// The login form. The demo users' passwords are public (they are printed by
// the backend too); the access token comes back in the body, the refresh
// token as an HttpOnly cookie.
import { h } from './dom.js';

export function loginView({ onLogin, message }) {
  const error = h('p', { className: 'error', role: 'alert' }, message ?? '');
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
  return h('section', { className: 'card login-card' },
    h('h1', {}, 'Sign in'),
    h('form', { onsubmit: submit },
      h('label', { for: 'username' }, 'User'), username,
      h('label', { for: 'password' }, 'Password'), password,
      h('button', { type: 'submit', id: 'login' }, 'Sign in')),
    error,
    h('p', { className: 'hint' }, 'Demo users: alice / alice-password, bob / bob-password.'));
}
