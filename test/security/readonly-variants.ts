import fc from 'fast-check';

/**
 * Generated attempts to hide a write or a file read from the read-only
 * check (issue 14): a reading prefix, then a forbidden clause whose keyword
 * is spelled, glued and separated in every way a lexer might disagree on,
 * then a tail. Every variant is an attack: the check must refuse it, or it
 * must be harmless when run (test/security/readonly-fuzz.test.ts).
 */

/** Where hidden file reads point: the fuzz test puts a canary file there. */
export interface Target {
  /** Absolute path of the canary file. */
  path: string;
}

const KEYWORDS = ['CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH DELETE', 'REMOVE', 'FOREACH', 'LOAD CSV', 'CALL', 'INSERT', 'USE', 'DROP'] as const;

/** Letters that look like Latin ones: Cyrillic, Greek, fullwidth. */
const LOOK_ALIKES: Record<string, string[]> = {
  A: ['\u0410', '\u0391', '\uFF21'], C: ['\u0421', '\u03F9', '\uFF23'], E: ['\u0415', '\u0395', '\uFF25'], O: ['\u041E', '\u039F', '\uFF2F'],
  T: ['\u0422', '\u03A4', '\uFF34'], M: ['\u041C', '\u039C', '\uFF2D'], R: ['\uFF32'], S: ['\u0405', '\uFF33'], L: ['\uFF2C'], D: ['\uFF24'],
};

/** How a keyword is spelled. */
const spelling = fc.oneof(
  fc.constant((k: string) => k),
  fc.constant((k: string) => k.toLowerCase()),
  fc.constant((k: string) => [...k].map((c, i) => (i % 2 ? c.toLowerCase() : c)).join('')),
  fc.constant((k: string) => `\`${k}\``),
  fc.constant((k: string) => k.replace(/[A-Z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
  fc.constant((k: string) => [...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')),
  fc.nat(5).map((n) => (k: string) => k.replace(/[ACEOTMRSLD]/, (c) => LOOK_ALIKES[c]![n % LOOK_ALIKES[c]!.length]!)),
  fc.constant((k: string) => `${k.slice(0, 2)}/**/${k.slice(2)}`),
  fc.constant((k: string) => k.replace(' ', '/* x */')),
  fc.constant((k: string) => k.replace(' ', '\n')),
  fc.constant((k: string) => `${k}\u200B`),
  fc.constant((k: string) => `\u200B${k}`),
);

/** What comes right before the keyword: nothing, a glued number or name, a separator or comment. */
const glue = fc.constantFrom(
  ' ', '', '1', '0x1', '0o7', '1e3', '1.5', '1_000', 'x', '_', '$p', '`n`', "'s'", '"s"', ')', ']', '}', '/**/', '//\n', '/* LOAD CSV */',
  '\t', '\n', '\r', '\u00A0', '\u2028', '\u3000', '\uFEFF', '\u200B', '\u0000', '\\', '\\n', ';', '; ', '1;', '--', '#',
);

const prefix = fc.constantFrom(
  'WITH 1 AS x LIMIT', 'MATCH (n) RETURN n LIMIT', 'RETURN 1 AS x SKIP', 'MATCH (n) WHERE n.x =', 'MATCH (n)', 'WITH 1 AS x', 'RETURN 1 AS x UNION',
  'CALL {', 'CALL () {', 'MATCH (n) CALL (n) {', 'MATCH (n) WHERE EXISTS {', 'RETURN COUNT {', 'RETURN 1 AS x;', 'UNWIND [1] AS x', '', 'EXPLAIN', 'PROFILE',
  'MATCH (n) RETURN n //', 'RETURN "a\\"" AS x', "RETURN 'a\\'' AS x", 'RETURN `a``b` AS x',
);

const tail = fc.constantFrom('', ' RETURN x', ' RETURN l', ' }', ' } RETURN 1 AS y', ' RETURN 1 AS y UNION RETURN 2 AS y', '; RETURN 1', ' //', ' /*', "'", '`');

/** A forbidden clause after its keyword, with the file reads aimed at the canary. */
function payload(keyword: string, spelled: string, target: Target): string {
  const file = target.path;
  switch (keyword) {
    case 'CREATE': return `${spelled} (m:Injected {x: 1})`;
    case 'MERGE': return `${spelled} (m:Injected {x: 1})`;
    case 'SET': return `${spelled} n.injected = 1`;
    case 'DELETE': return `${spelled} n`;
    case 'DETACH DELETE': return `${spelled} n`;
    case 'REMOVE': return `${spelled} n.id`;
    case 'FOREACH': return `${spelled} (i IN [1] | CREATE (:Injected))`;
    case 'LOAD CSV': return `${spelled} FROM 'file://${file}' AS l`;
    case 'CALL': return `${spelled} apoc.load.csv('${file}') YIELD map AS l`;
    case 'INSERT': return `${spelled} (:Injected)`;
    case 'USE': return `${spelled} system`;
    case 'DROP': return `${spelled} INDEX actor_id`;
    default: return spelled;
  }
}

/** One attack: prefix, glue, a spelled forbidden clause, tail; or two of them in a row. */
export function variantArb(target: Target): fc.Arbitrary<string> {
  const one = fc
    .record({ prefix, glue, keyword: fc.constantFrom(...KEYWORDS), spell: spelling, tail, plainFile: fc.boolean() })
    .map(({ prefix, glue, keyword, spell, tail, plainFile }) => {
      const body = payload(keyword, spell(keyword), target);
      const aimed = plainFile ? body.replace(`file://${target.path}`, target.path) : body;
      return `${prefix}${prefix && glue === '' ? '' : ''}${glue}${aimed}${tail}`;
    });
  return fc.oneof({ weight: 9, arbitrary: one }, { weight: 1, arbitrary: fc.tuple(one, one).map(([a, b]) => `${a} ${b}`) });
}
