// Wake-up signals in browsers: a tab becoming visible, a window regaining
// focus, the network coming back. Timers in background tabs and sleeping
// laptops run late; on any of these the session re-checks the real time.
export function onWake(callback) {
  const target = globalThis.window;
  const doc = globalThis.document;
  if (!target?.addEventListener) return () => {};
  const visible = () => {
    if (doc?.visibilityState !== 'hidden') callback('visibilitychange');
  };
  const focus = () => callback('focus');
  const online = () => callback('online');
  doc?.addEventListener('visibilitychange', visible);
  target.addEventListener('focus', focus);
  target.addEventListener('online', online);
  return () => {
    doc?.removeEventListener('visibilitychange', visible);
    target.removeEventListener('focus', focus);
    target.removeEventListener('online', online);
  };
}
