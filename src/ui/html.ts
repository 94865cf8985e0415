// A tiny HTML templating helper: every interpolated value is escaped unless it is itself the
// result of `html`, so saga data (business keys, errors, event payloads) can never become markup.

/** Markup produced by `html`: the only value interpolated without escaping. */
export class Html {
  readonly #markup: string;
  /** Not for callers: only `html` builds markup, so nothing unescaped sneaks in. */
  constructor(markup: string, token: symbol) {
    if (token !== TOKEN) throw new TypeError('Html is built with the html`` tag only');
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}

// Kept private to the module: a caller cannot forge an Html from a plain string.
const TOKEN = Symbol('html');

/** What a template may interpolate: text is escaped, markup kept, nothing rendered for null/undefined/false. */
export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: Interpolation): string {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  // `false` renders nothing so `cond && html`…`` reads naturally; `true` would be a bug, print it visibly.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: `html`<p>${text}</p>`` escapes `text`; nested `html` results and arrays of them are kept. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out, TOKEN);
}
