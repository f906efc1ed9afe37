// Colour for people, plain text for pipes and files: ANSI codes only when the
// stream is a terminal, and never when NO_COLOR is set (no-color.org) or TERM is dumb.
const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] };

export function colorsFor(stream, env) {
  const enabled = Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
  const paint = ([open, close]) => (enabled ? (text) => `\x1b[${open}m${text}\x1b[${close}m` : (text) => String(text));
  return Object.fromEntries(Object.entries(CODES).map(([name, codes]) => [name, paint(codes)]));
}
