// Checks for the normalized model wherever it arrives from outside: the host contract (both
// sides) and catalogs kept in localStorage. They answer zod's `safeParse` shape, so the http
// core takes either; provider wire formats keep zod (loaded with their transports), but zod's
// core would cost every page on the host transport 7 KB brotli for these few shapes.

export interface Issue {
  path: PropertyKey[];
  message: string;
}

export type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** A check: returns the value it accepts (objects keep only their known keys) or throws an Issue. */
export interface Check<T> {
  (value: unknown, path: PropertyKey[]): T;
  safeParse(value: unknown): Parsed<T>;
}

/** What a check accepts. */
export type Infer<C> = C extends Check<infer T> ? T : never;

class Failed {
  constructor(readonly issue: Issue) {}
}

const fail = (path: PropertyKey[], message: string): never => {
  throw new Failed({ path, message });
};

function check<T>(run: (value: unknown, path: PropertyKey[]) => T): Check<T> {
  return Object.assign(run, {
    safeParse(value: unknown): Parsed<T> {
      try {
        return { success: true, data: run(value, []) };
      } catch (e) {
        if (e instanceof Failed) return { success: false, error: { issues: [e.issue] } };
        throw e;
      }
    },
  });
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function is<T>(type: string, v: unknown, path: PropertyKey[]): T {
  return kind(v) === type ? (v as T) : fail(path, `Invalid input: expected ${type}, received ${kind(v)}`);
}

interface Length {
  min?: number;
  max?: number;
}

function length<T extends string | unknown[]>(v: T, { min = 0, max = Infinity }: Length, path: PropertyKey[]): T {
  const what = typeof v === 'string' ? 'characters' : 'items';
  if (v.length < min) fail(path, `Too small: expected ${min} ${what} or more`);
  if (v.length > max) fail(path, `Too big: expected ${max} ${what} or fewer`);
  return v;
}

export const string = (l: Length = {}) => check((v, p) => length(is<string>('string', v, p), l, p));
export const number = () => check((v, p) => is<number>('number', v, p));
export const int = () => check((v, p) => (Number.isSafeInteger(v) ? (v as number) : fail(p, `Invalid input: expected int, received ${kind(v)}`)));
export const boolean = () => check((v, p) => is<boolean>('boolean', v, p));
export const unknown = () => check((v) => v);

export const optional = <T>(c: Check<T>) => check((v, p) => (v === undefined ? undefined : c(v, p)));

export const array = <T>(item: Check<T>, l: Length = {}) =>
  check((v, p) => length(is<unknown[]>('array', v, p), l, p).map((x, i) => item(x, [...p, i])));

export const oneOf = <const V extends readonly string[]>(values: V) =>
  check((v, p) => (values.includes(v as string) ? (v as V[number]) : fail(p, `Invalid option: expected one of ${values.map((x) => `"${x}"`).join('|')}`)));

/** A JSON object kept as it is (`ref`, provider details). */
export const record = () => check((v, p) => is<Record<string, unknown>>('object', v, p));

/** A check defined later (recursive shapes). */
export const lazy = <T>(get: () => Check<T>) => check((v, p) => get()(v, p));

type Fields = Record<string, Check<unknown>>;
type Optional<F extends Fields> = { [K in keyof F]: undefined extends Infer<F[K]> ? K : never }[keyof F];
type Flat<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<F extends Fields> = Flat<{ [K in Exclude<keyof F, Optional<F>>]: Infer<F[K]> } & { [K in Optional<F>]?: Infer<F[K]> }>;

/** An object with these fields; other keys are dropped, as zod does. `fields` can be spread into another. */
export function object<F extends Fields>(fields: F): Check<ObjectOf<F>> & { fields: F } {
  const run = check((v, p) => {
    const o = is<Record<string, unknown>>('object', v, p);
    const out: Record<string, unknown> = {};
    for (const k in fields) {
      const value = fields[k]!(o[k], [...p, k]);
      if (value !== undefined) out[k] = value;
    }
    return out as ObjectOf<F>;
  });
  return Object.assign(run, { fields });
}
