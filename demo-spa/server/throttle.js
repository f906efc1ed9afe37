// Login throttling, as a deployment has it. Failed sign-ins are counted per
// user name (slows guessing one account's password) and per client address
// (slows one client guessing across accounts), each over a window opened by
// the first failure. Once either count reaches its limit, sign-ins are
// refused with 429 and Retry-After until that window ends, before the
// password is checked: a throttled guess tells nothing and costs no scrypt.
// A success clears the user name's count only: clearing the address's too
// would let an attacker reset it by signing in to an account of their own
// between guesses. The address is the TCP peer's; X-Forwarded-For is not
// trusted, as the demo runs behind no proxy. Names are counted whether or not
// they exist, so the throttle does not tell which do; they are hashed into
// the counter's key, which bounds its size.
import { createHash } from 'node:crypto';
import { HttpError } from './http.js';

const nameKey = (username) => `user:${createHash('sha256').update(username).digest('base64url')}`;

/** `counters`: the store's loginFailures; limits are counts of failures per window. */
export function createLoginThrottle({ counters, now, maxPerUser, maxPerAddress, windowSeconds }) {
  const limits = (username, address) => [
    { scope: 'user', key: nameKey(username), max: maxPerUser },
    { scope: 'address', key: `address:${address}`, max: maxPerAddress },
  ];

  return {
    /** Throws a 429 HttpError when the user name or the address is throttled. */
    async check(username, address) {
      for (const { scope, key, max } of limits(username, address)) {
        const { count, resetAt } = await counters.get(key);
        if (count < max) continue;
        const seconds = Math.max(1, Math.ceil((resetAt - now()) / 1000));
        const whose = scope === 'user' ? 'this user name' : 'this client address';
        throw new HttpError(429, 'too_many_attempts', `too many failed sign-ins for ${whose}; try again in ${seconds} s`, {
          scope,
          retry_after: seconds,
          headers: { 'Retry-After': String(seconds) },
        });
      }
    },
    async failed(username, address) {
      await Promise.all(limits(username, address).map(({ key }) => counters.add(key, windowSeconds * 1000)));
    },
    succeeded: (username) => counters.clear(nameKey(username)),
  };
}
