// Why a session ended, in words for the sign-in page: neutral for a sign-out
// the user chose, a warning for everything that ended it for them.
const WORDS = {
  logout: 'You signed out in another tab.',
  admin_revoke_here: 'You revoked all your sessions, this one included.',
  refresh_token_reused: 'Your refresh token was used twice, so the session was ended to protect you.',
  refresh_token_expired: 'Your session reached the end of its lifetime; please sign in again.',
  refresh_token_revoked: 'The server had already ended this session; please sign in again.',
  refresh_token_missing: 'The refresh cookie is gone (cleared, or ended in another tab); please sign in again.',
};

/** `{ tone, text }` for a TokenSession "ended" event; `pushMs` is how long the server's push took, when it says. */
export function endMessage({ reason, code }, pushMs) {
  if (reason === 'stopped') return { tone: 'neutral', text: 'You signed out.' };
  if (code === 'logout') return { tone: 'neutral', text: WORDS.logout };
  if (code === 'admin_revoke') {
    const pushed = pushMs === undefined ? '' : `; the server pushed it ${pushMs} ms later`;
    return { tone: 'warning', text: `All your sessions were revoked from another tab${pushed}.` };
  }
  return { tone: 'warning', text: WORDS[code] ?? `The server ended your session (${code ?? reason}); please sign in again.` };
}
