// The last few state-changing requests refused for their Origin, kept so the
// demo can show what its cross-site attempt met: the path, the origin, and
// whether the browser attached a credential cookie (with SameSite=Strict it
// does not). Never a cookie's value. Per process: a demo aid, not an audit log.
const SIZE = 20;

export function createCrossSiteLog({ now }) {
  const entries = [];
  return {
    add(entry) {
      entries.push({ at: now(), ...entry });
      if (entries.length > SIZE) entries.shift();
    },
    list: () => entries.map((entry) => ({ ...entry })),
  };
}
