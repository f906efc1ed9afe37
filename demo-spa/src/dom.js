// A tiny element builder. Text always goes in as text nodes, never as HTML,
// so token content cannot inject markup; no inline styles (the page's CSP
// allows only its own stylesheet).
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function replace(container, ...children) {
  container.replaceChildren(...children.flat().filter(Boolean));
}
