/**
 * Constructs Sluice refuses on purpose, with the reason and what to write instead. The
 * dispatcher uses these for error messages; docs/expressions.md lists them.
 */
export interface Refusal {
  /** Shown in the docs. */
  readonly construct: string;
  readonly reason: string;
  readonly hint: string;
}

/** Keyed like table look-ups: `function:Math.random`, `method:*.map`, `syntax:ForStatement`, ... */
export const REFUSALS: Readonly<Record<string, Refusal>> = {
  'function:Math.random': { construct: 'Math.random()', reason: 'random values differ per engine and per run', hint: 'derive pseudo-random buckets from a column, e.g. r.id_hash % 10' },
  'function:Date.now': { construct: 'Date.now()', reason: 'the clock is read at run time and differs between engines', hint: 'use an event-time column; compare with a literal new Date("...Z")' },
  'new Date': { construct: 'new Date()', reason: 'the current time differs between engines and runs', hint: 'use a column, or new Date("2024-01-01T00:00:00Z")' },
  'function:JSON.stringify': { construct: 'JSON.stringify / JSON.parse', reason: 'JSON text formatting differs between engines', hint: 'build strings with template literals' },
  'function:JSON.parse': { construct: 'JSON.parse', reason: 'JSON values are opaque in lambdas', hint: 'declare typed columns in the source schema' },
  'function:parseInt': { construct: 'parseInt / parseFloat', reason: 'their prefix-parsing rules have no SQL equivalent', hint: 'use Number(s) (whole-string parsing)' },
  'function:parseFloat': { construct: 'parseFloat', reason: 'its prefix-parsing rules have no SQL equivalent', hint: 'use Number(s) (whole-string parsing)' },
  'method:string.localeCompare': { construct: 's.localeCompare(t)', reason: 'collation depends on the locale of the machine', hint: 'compare with < and >' },
  'method:string.toLocaleLowerCase': { construct: 'toLocaleLowerCase / toLocaleUpperCase', reason: 'results depend on the locale of the machine', hint: 'use toLowerCase() / toUpperCase()' },
  'method:string.toLocaleUpperCase': { construct: 'toLocaleUpperCase', reason: 'results depend on the locale of the machine', hint: 'use toUpperCase()' },
  'method:string.match': { construct: 's.match(re)', reason: 'it returns an array of groups', hint: 'use re.test(s), or s.replace(re, "$1") to extract a group' },
  'method:string.charAt': { construct: 's.charAt(i) / s.at(i) / s[i]', reason: 'indexes UTF-16 code units', hint: 'use s.slice(i, i + 1)' },
  'method:string.substr': { construct: 's.substr(a, n)', reason: 'deprecated in JavaScript', hint: 'use s.slice(a, a + n)' },
  'method:number.toFixed': { construct: 'n.toFixed(d)', reason: 'its rounding of binary fractions differs from SQL ROUND', hint: 'use Math.round(n * 100) / 100 and format in the report' },
  'method:*.map': { construct: 'arr.map(fn) outside flatMap', reason: 'arrays of computed values are only supported as the body of a flatMap', hint: 'use flatMap(r => r.arr.map(x => ({ ... })))' },
  'method:*.filter': { construct: 'arr.filter / reduce / forEach / find / some / every', reason: 'array iteration needs correlated subqueries', hint: 'flatMap the array into rows, then filter / aggregate' },
  'method:*.reduce': { construct: 'arr.reduce', reason: 'array iteration needs correlated subqueries', hint: 'flatMap the array into rows, then aggregate' },
  'identifier:undefined': { construct: 'undefined', reason: 'SQL has only NULL', hint: 'write null' },
  'identifier:NaN': { construct: 'NaN / Infinity literals', reason: 'non-finite literals are spelled differently per engine', hint: 'compute them (0 / 0) only if you must, or use null' },
  'identifier:Infinity': { construct: 'Infinity', reason: 'non-finite literals are spelled differently per engine', hint: 'use null or a large literal' },
  'binary:=': { construct: 'assignments (=, +=, ++, --)', reason: 'lambdas must be pure: rows are immutable', hint: 'return a new object: ({ ...r, x: r.x + 1 })' },
  'binary:in': { construct: "'key' in obj", reason: 'rows have a fixed schema', hint: 'check the value: r.x !== null' },
  'binary:instanceof': { construct: 'instanceof', reason: 'types are static in SQL', hint: 'remove the check' },
  'binary:,': { construct: 'the comma operator', reason: 'it only exists for side effects', hint: 'remove it' },
  'prefix:+': { construct: 'unary +', reason: 'implicit number conversion is easy to misread', hint: 'use Number(x)' },
  'prefix:~': { construct: 'bitwise operators', reason: 'they truncate to 32-bit integers in JavaScript but not in SQL', hint: 'use arithmetic' },
  'binary:&': { construct: '& | ^ << >> >>>', reason: 'they truncate to 32-bit integers in JavaScript but not in SQL', hint: 'use arithmetic' },
  'syntax:TypeOfExpression': { construct: 'typeof', reason: 'column types are static', hint: 'check for null with === null' },
  'syntax:AwaitExpression': { construct: 'await / async', reason: 'lambdas run per row inside SQL', hint: 'remove it' },
  'syntax:ThisKeyword': { construct: 'this', reason: 'lambdas only see their parameters', hint: 'use a parameter or a module-level const' },
  'syntax:ArrowFunction': { construct: 'nested functions', reason: 'functions are not SQL values', hint: 'call a helper function, or use .map(x => ...) as the body of a flatMap' },
  'syntax:TaggedTemplateExpression': { construct: 'tagged templates', reason: 'the tag is an arbitrary function', hint: 'use a plain template literal' },
  'syntax:PostfixUnaryExpression': { construct: 'x++ / x--', reason: 'lambdas must be pure', hint: 'write x + 1' },
  'statement:ForStatement': { construct: 'loops (for, while, for-of)', reason: 'a row-level SQL expression cannot loop', hint: 'use flatMap to turn arrays into rows' },
  'statement:ExpressionStatement': { construct: 'expression statements (calls, assignments)', reason: 'lambdas must be pure', hint: 'use const declarations and return' },
  'statement:ThrowStatement': { construct: 'throw', reason: 'SQL expressions cannot raise row-level errors portably', hint: 'filter bad rows, or add an expectation' },
  'statement:TryStatement': { construct: 'try / catch', reason: 'SQL expressions cannot catch errors', hint: 'guard with conditions' },
  'statement:SwitchStatement': { construct: 'switch', reason: 'not supported yet', hint: 'use if / return or a ?: chain' },
};

const ALIASES: Readonly<Record<string, string>> = {
  'binary:+=': 'binary:=', 'binary:-=': 'binary:=', 'binary:*=': 'binary:=', 'binary:/=': 'binary:=', 'binary:??=': 'binary:=', 'binary:||=': 'binary:=', 'binary:&&=': 'binary:=',
  'binary:|': 'binary:&', 'binary:^': 'binary:&', 'binary:<<': 'binary:&', 'binary:>>': 'binary:&', 'binary:>>>': 'binary:&',
  'prefix:++': 'binary:=', 'prefix:--': 'binary:=',
  'method:string.at': 'method:string.charAt',
  'method:string.matchAll': 'method:string.match', 'method:string.search': 'method:string.match',
  'method:*.forEach': 'method:*.filter', 'method:*.find': 'method:*.filter', 'method:*.some': 'method:*.filter', 'method:*.every': 'method:*.filter', 'method:*.flatMap': 'method:*.map',
  'statement:WhileStatement': 'statement:ForStatement', 'statement:DoStatement': 'statement:ForStatement',
  'statement:ForOfStatement': 'statement:ForStatement', 'statement:ForInStatement': 'statement:ForStatement',
  'syntax:FunctionExpression': 'syntax:ArrowFunction',
};

/** The refusal for a look-up key, if Sluice refuses that construct on purpose. */
export function refusal(key: string): Refusal | undefined {
  return REFUSALS[key] ?? REFUSALS[ALIASES[key] ?? ''];
}
