import jexl from 'jexl';
import type Ast from 'jexl/Ast';
import type Expression from 'jexl/Expression';
import {
  PACKAGE_TYPES,
  PRICING_FUNCTIONS,
  PRICING_LIMITS,
  PRICING_TASK_VARIABLES,
  PRICING_VARIABLES,
  type ExpressionProblem,
  type ExpressionValue,
  type PricingScope,
} from '@federacycle/contracts';

/**
 * The safe expression engine of pricing rules: Jexl 2.3 (an interpreter over its own syntax tree:
 * no `eval`, no `new Function`) behind an allow-list checked at compile time. An expression may
 * only read the named variables below, call the named functions, and use literals (numbers,
 * strings, booleans, arrays for `in`), arithmetic, comparisons, `&&`, `||`, `!`, `in` and `? :`.
 * Everything else Jexl knows is refused before anything is stored: property access (`a.b`,
 * `a["b"]`), filters (`a[.x > 1]`), object literals, transforms (`x|t`), unknown names. At run
 * time the variables come in a prototype-less object, so even a name the check missed finds
 * nothing on `Object.prototype`.
 */

/** The zones a point lies in, by which side: lower-case zone names. */
export interface ZoneFacts {
  pickup: ReadonlySet<string>;
  dropoff: ReadonlySet<string>;
  /** the task being priced (per-task rule sets); empty otherwise */
  task: ReadonlySet<string>;
}

/** What one evaluation reads: the variables and the facts behind the functions. */
export interface ExpressionFacts {
  variables: Readonly<Record<string, string | number>>;
  zones: ZoneFacts;
  /** package counts by type (lower-case) */
  packagesByType: ReadonlyMap<string, number>;
}

export type CompileResult =
  | { ok: true; expression: CompiledExpression }
  | { ok: false; position: number | null; reason: string; problem: ExpressionProblem };

const ZONE_SIDES = ['pickup', 'dropoff', 'any', 'task'] as const;

/** Arity of each function: [min, max]. */
const ARITY: Record<(typeof PRICING_FUNCTIONS)[number], [number, number]> = {
  in_zone: [2, 2],
  packages_of: [1, 1],
  min: [2, 8],
  max: [2, 8],
  round: [1, 1],
  ceil: [1, 1],
  floor: [1, 1],
};

/**
 * The facts of the evaluation running now. Jexl's functions are registered once per instance and
 * receive only their arguments; `evalSync` is synchronous, so the facts are set around it and no
 * other evaluation can interleave.
 */
let current: ExpressionFacts | null = null;

const numeric = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : NaN);

function inZone(side: unknown, name: unknown): boolean {
  if (!current || typeof name !== 'string') return false;
  const zone = name.toLowerCase();
  const zones = current.zones;
  switch (side) {
    case 'pickup':
      return zones.pickup.has(zone);
    case 'dropoff':
      return zones.dropoff.has(zone);
    case 'task':
      return zones.task.has(zone);
    case 'any':
      return zones.pickup.has(zone) || zones.dropoff.has(zone);
    default:
      return false;
  }
}

function buildEngine(): InstanceType<typeof jexl.Jexl> {
  const engine = new jexl.Jexl();
  // Transforms (`x|name`) are never registered; the check refuses the syntax too.
  engine.addFunctions({
    in_zone: inZone,
    packages_of: (type: unknown) =>
      typeof type === 'string' ? (current?.packagesByType.get(type.toLowerCase()) ?? 0) : 0,
    min: (...values: unknown[]) => Math.min(...values.map(numeric)),
    max: (...values: unknown[]) => Math.max(...values.map(numeric)),
    round: (value: unknown) => Math.round(numeric(value)),
    ceil: (value: unknown) => Math.ceil(numeric(value)),
    floor: (value: unknown) => Math.floor(numeric(value)),
  });
  return engine;
}

const engine = buildEngine();

const FUNCTIONS: ReadonlySet<string> = new Set(PRICING_FUNCTIONS);

/** The variables an expression of a rule set of this scope may read. */
export function variablesFor(scope: PricingScope): ReadonlySet<string> {
  return new Set<string>(
    scope === 'per_task' ? [...PRICING_VARIABLES, ...PRICING_TASK_VARIABLES] : [...PRICING_VARIABLES],
  );
}

/** A checked expression: evaluate it as often as needed. */
export class CompiledExpression {
  constructor(
    readonly source: string,
    /** the variables it reads, in order of first appearance (for the reasons) */
    readonly reads: readonly string[],
    /** the zone names its in_zone() calls name, as written */
    readonly zoneNames: readonly string[],
    private readonly compiled: Expression | null,
  ) {}

  /** The value, or the error Jexl raised (an empty condition is `true`). */
  evaluate(facts: ExpressionFacts): { ok: true; value: unknown } | { ok: false; reason: string } {
    if (!this.compiled) return { ok: true, value: true };
    const context: Record<string, string | number> = Object.create(null) as Record<string, string | number>;
    for (const name of this.reads) context[name] = facts.variables[name] ?? '';
    const previous = current;
    current = facts;
    try {
      return { ok: true, value: this.compiled.evalSync(context) as unknown };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : 'the expression failed' };
    } finally {
      current = previous;
    }
  }

  /** Each variable read and its value, in order of first appearance (for a reason). */
  values(facts: ExpressionFacts): ExpressionValue[] {
    return this.reads.map((name) => ({ name, value: facts.variables[name] ?? '' }));
  }
}

/** `name = value` for each variable read, for a reason ("distance_km = 4.2, hour = 12"). */
export function describeValues(values: readonly ExpressionValue[]): string {
  return values.map(({ name, value }) => `${name} = ${JSON.stringify(value)}`).join(', ');
}

/**
 * Compiles and checks an expression. `position` is 1-based in the text when it can be told.
 * An empty text compiles to "always" (conditions only; the caller refuses an empty formula).
 */
export function compileExpression(source: string, scope: PricingScope): CompileResult {
  if (source.length > PRICING_LIMITS.expressionMaxLength) {
    const max = PRICING_LIMITS.expressionMaxLength;
    return {
      ok: false,
      ...problemAt(max + 1, { code: 'too_long', max }, `the expression is longer than ${max} characters`),
    };
  }
  if (source.trim() === '') return { ok: true, expression: new CompiledExpression(source, [], [], null) };
  let compiled: Expression;
  let ast: Ast;
  try {
    compiled = engine.compile(source);
    ast = compiled._getAst();
  } catch (error) {
    const message = syntaxMessage(error);
    return { ok: false, ...problemAt(null, { code: 'syntax', message }, `syntax error: ${message}`) };
  }
  if (!ast) return { ok: false, ...problemAt(1, { code: 'incomplete' }, 'the expression is incomplete') };
  const found: Found = { reads: [], zoneNames: [] };
  const problem = check(ast, 1, variablesFor(scope), found, source);
  if (problem) return { ok: false, ...problem };
  return { ok: true, expression: new CompiledExpression(source, found.reads, found.zoneNames, compiled) };
}

function syntaxMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Jexl repeats the whole expression after "in expression:"; the caller has it already
  return message.replace(/\s+in expression:[\s\S]*$/, '');
}

type Problem = { position: number | null; reason: string; problem: ExpressionProblem };

/** A problem at a place, with its code (for clients) and its English text (the API's message). */
function problemAt(position: number | null, problem: ExpressionProblem, reason: string): Problem {
  return { position, reason, problem };
}
type Found = { reads: string[]; zoneNames: string[] };

/** Where a name first appears in the text as a whole word (1-based), or null. */
function positionOf(source: string, name: string): number | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[^A-Za-z0-9_$])${escaped}($|[^A-Za-z0-9_$])`).exec(source);
  return match ? match.index + match[1].length + 1 : null;
}

function check(node: Ast, depth: number, variables: ReadonlySet<string>, found: Found, source: string): Problem | null {
  if (depth > PRICING_LIMITS.expressionMaxDepth) {
    const max = PRICING_LIMITS.expressionMaxDepth;
    return problemAt(null, { code: 'too_deep', max }, `the expression nests deeper than ${max} levels`);
  }
  const next = (child: Ast) => check(child, depth + 1, variables, found, source);
  switch (node.type) {
    case 'Literal':
      return null;
    case 'Identifier': {
      if (node.from || node.relative) {
        return problemAt(
          positionOf(source, node.value),
          { code: 'property_access', name: node.value },
          `property access (".${node.value}") is not allowed: use the variables by name`,
        );
      }
      if (!variables.has(node.value)) {
        const taskOnly = (PRICING_TASK_VARIABLES as readonly string[]).includes(node.value);
        const known = [...variables].join(', ');
        return taskOnly
          ? problemAt(
              positionOf(source, node.value),
              { code: 'task_variable', name: node.value },
              `unknown variable "${node.value}": it is known only in a per-task rule set`,
            )
          : problemAt(
              positionOf(source, node.value),
              { code: 'unknown_variable', name: node.value, known },
              `unknown variable "${node.value}" (known: ${known})`,
            );
      }
      if (!found.reads.includes(node.value)) found.reads.push(node.value);
      return null;
    }
    case 'UnaryExpression':
      return next(node.right);
    case 'BinaryExpression':
      return next(node.left) ?? next(node.right);
    case 'ConditionalExpression':
      // `a ?: b` has no consequent in Jexl
      return next(node.test) ?? (node.consequent ? next(node.consequent) : null) ?? next(node.alternate);
    case 'ArrayLiteral': {
      for (const element of node.value) {
        const problem = next(element);
        if (problem) return problem;
      }
      return null;
    }
    case 'FunctionCall':
      return checkCall(node, next, found, source, variables.has('task_type'));
    case 'FilterExpression':
      return problemAt(null, { code: 'filter' }, 'filters and indexes ("[...]" after a value) are not allowed');
    case 'ObjectLiteral':
      return problemAt(
        positionOf(source, '{'),
        { code: 'object_literal' },
        'object literals ("{...}") are not allowed',
      );
    default:
      return problemAt(null, { code: 'not_allowed' }, 'this construct is not allowed');
  }
}

function checkCall(
  node: Extract<Ast, { type: 'FunctionCall' }>,
  next: (child: Ast) => Problem | null,
  found: Found,
  source: string,
  perTask: boolean,
): Problem | null {
  const at = positionOf(source, node.name);
  if (node.pool !== 'functions') {
    return problemAt(at, { code: 'transform', name: node.name }, `transforms ("|${node.name}") are not allowed`);
  }
  if (!FUNCTIONS.has(node.name)) {
    const known = PRICING_FUNCTIONS.join(', ');
    return problemAt(
      at,
      { code: 'unknown_function', name: node.name, known },
      `unknown function "${node.name}" (known: ${known})`,
    );
  }
  const [least, most] = ARITY[node.name as (typeof PRICING_FUNCTIONS)[number]];
  if (node.args.length < least || node.args.length > most) {
    const wanted = least === most ? `${least}` : `${least} to ${most}`;
    return problemAt(
      at,
      { code: 'arity', name: node.name, wanted, given: node.args.length },
      `${node.name}() takes ${wanted} arguments, not ${node.args.length}`,
    );
  }
  if (node.name === 'in_zone') {
    const [side, zone] = node.args;
    if (side?.type !== 'Literal' || !(ZONE_SIDES as readonly unknown[]).includes(side.value)) {
      const sides = ZONE_SIDES.map((s) => `"${s}"`).join(', ');
      return problemAt(at, { code: 'in_zone_side', sides }, `in_zone's first argument is one of ${sides}`);
    }
    if (side.value === 'task' && !perTask) {
      return problemAt(at, { code: 'in_zone_task' }, `in_zone("task", …) is known only in a per-task rule set`);
    }
    if (zone?.type !== 'Literal' || typeof zone.value !== 'string') {
      return problemAt(
        at,
        { code: 'in_zone_name' },
        `in_zone's second argument is a zone name in quotes, e.g. in_zone("pickup", "Centre")`,
      );
    }
    if (!found.zoneNames.includes(zone.value)) found.zoneNames.push(zone.value);
    return null;
  }
  if (node.name === 'packages_of') {
    const [type] = node.args;
    if (type?.type !== 'Literal' || typeof type.value !== 'string') {
      return problemAt(
        at,
        { code: 'package_type_name' },
        `packages_of's argument is a package type in quotes, e.g. packages_of("box")`,
      );
    }
    if (!(PACKAGE_TYPES as readonly string[]).includes(type.value.toLowerCase())) {
      const known = PACKAGE_TYPES.join(', ');
      return problemAt(
        at,
        { code: 'unknown_package_type', type: type.value, known },
        `unknown package type "${type.value}" (known: ${known})`,
      );
    }
    return null;
  }
  for (const arg of node.args) {
    const problem = next(arg);
    if (problem) return problem;
  }
  return null;
}
