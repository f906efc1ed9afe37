// Demo accounts. The passwords are public on purpose (the demo UI shows
// them); what is real is how they are checked: scrypt with a per-user salt,
// a constant-time comparison, and as much work for an unknown name as for a
// wrong password, so timing does not tell which names exist.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

export const DEMO_USERS = Object.freeze([
  Object.freeze({ username: 'alice', password: 'alice-password', name: 'Alice Example', email: 'alice@example.test' }),
  Object.freeze({ username: 'bob', password: 'bob-password', name: 'Bob Example', email: 'bob@example.test' }),
]);

const derive = promisify(scrypt);
const KEY_LENGTH = 32;

async function hashPassword(password) {
  const salt = randomBytes(16);
  return { salt, hash: await derive(password, salt, KEY_LENGTH) };
}

/** The profile a token's `sub` (the username) stands for. */
function profileOf({ username, name, email }) {
  return { sub: username, username, name, email };
}

export function createUserStore(users = DEMO_USERS) {
  const accounts = new Map(users.map((user) => [user.username, { profile: profileOf(user), secret: hashPassword(user.password) }]));
  const decoy = hashPassword(randomBytes(16).toString('hex'));

  return {
    /** The user's profile when the password is right, else null. */
    async authenticate(username, password) {
      const account = accounts.get(username);
      const { salt, hash } = await (account?.secret ?? decoy);
      const matches = timingSafeEqual(await derive(password, salt, KEY_LENGTH), hash);
      return matches && account ? account.profile : null;
    },
    profile: (sub) => accounts.get(sub)?.profile ?? null,
  };
}
