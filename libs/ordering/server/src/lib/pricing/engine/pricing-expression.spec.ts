import { compileExpression, describeValues, type ExpressionFacts } from './pricing-expression';

const facts = (variables: Record<string, string | number> = {}): ExpressionFacts => ({
  variables: {
    distance_km: 4.2,
    weight_kg: 12,
    packages: 3,
    stops: 2,
    pickups: 1,
    dropoffs: 1,
    lead_time_min: 90,
    hour: 12,
    weekday: 'sat',
    time_slot: '',
    vehicle: 'cargo_bike',
    ...variables,
  },
  zones: { pickup: new Set(['centre']), dropoff: new Set(['croix-rousse']), task: new Set() },
  packagesByType: new Map([['box', 2]]),
});

function run(source: string, scope: 'per_delivery' | 'per_task' = 'per_delivery'): unknown {
  const compiled = compileExpression(source, scope);
  if (!compiled.ok) throw new Error(`refused: ${compiled.reason}`);
  const result = compiled.expression.evaluate(facts());
  if (!result.ok) throw new Error(`failed: ${result.reason}`);
  return result.value;
}

function refusal(source: string, scope: 'per_delivery' | 'per_task' = 'per_delivery') {
  const compiled = compileExpression(source, scope);
  if (compiled.ok) throw new Error(`accepted: ${source}`);
  return compiled;
}

describe('pricing expressions: what they can say', () => {
  it('reads the variables, compares, combines and computes', () => {
    expect(run('distance_km > 3 && weight_kg <= 20')).toBe(true);
    expect(run('weekday in ["sat", "sun"]')).toBe(true);
    expect(run('vehicle == "cargo_bike" ? 2 : 1')).toBe(2);
    expect(run('300 + 120 * distance_km')).toBeCloseTo(804);
    expect(run('max(0, packages - 2) * 150')).toBe(150);
    expect(run('round(distance_km) + ceil(0.2) + floor(1.8) + min(3, 4)')).toBe(4 + 1 + 1 + 3);
    expect(run('hour >= 11 && hour < 14 && !(lead_time_min < 60)')).toBe(true);
  });

  it('asks the zones by side and the packages by type, ignoring case', () => {
    expect(run('in_zone("pickup", "Centre")')).toBe(true);
    expect(run('in_zone("dropoff", "Centre")')).toBe(false);
    expect(run('in_zone("any", "CROIX-ROUSSE")')).toBe(true);
    expect(run('packages_of("Box") == 2 && packages_of("bag") == 0')).toBe(true);
    expect(refusal('packages_of("crates") > 1').reason).toMatch(/unknown package type "crates"/);
  });

  it('an empty condition always holds; it reads nothing', () => {
    const compiled = compileExpression('   ', 'per_delivery');
    expect(compiled.ok && compiled.expression.evaluate(facts())).toEqual({ ok: true, value: true });
  });

  it('lists the variables it reads and the zones it names, for the reasons and the save check', () => {
    const compiled = compileExpression(
      'distance_km > 2 && in_zone("pickup", "Centre") || distance_km < 1',
      'per_delivery',
    );
    expect(compiled.ok && compiled.expression.reads).toEqual(['distance_km']);
    expect(compiled.ok && compiled.expression.zoneNames).toEqual(['Centre']);
    expect(compiled.ok && compiled.expression.values(facts())).toEqual([{ name: 'distance_km', value: 4.2 }]);
    expect(compiled.ok && describeValues(compiled.expression.values(facts()))).toBe('distance_km = 4.2');
  });

  it('task variables exist only in per-task rule sets', () => {
    expect(refusal('task_type == "pickup"').reason).toMatch(/only in a per-task rule set/);
    expect(compileExpression('task_type == "pickup" && leg_km < 3', 'per_task').ok).toBe(true);
    expect(refusal('in_zone("task", "Centre")').reason).toMatch(/only in a per-task rule set/);
    expect(compileExpression('in_zone("task", "Centre")', 'per_task').ok).toBe(true);
  });
});

describe('pricing expressions: refused at save time, with the position', () => {
  it.each([
    ['distnce_km > 3', /unknown variable "distnce_km"/, 1, { code: 'unknown_variable', name: 'distnce_km' }],
    ['weight_kg > 1 && foo', /unknown variable "foo"/, 18, { code: 'unknown_variable', name: 'foo' }],
    ['price(3)', /unknown function "price"/, 1, { code: 'unknown_function', name: 'price' }],
    ['in_zone("moon", "Centre")', /first argument/, 1, { code: 'in_zone_side' }],
    ['in_zone("pickup", vehicle)', /zone name in quotes/, 1, { code: 'in_zone_name' }],
    ['min(1)', /takes 2 to 8 arguments, not 1/, 1, { code: 'arity', name: 'min', wanted: '2 to 8', given: 1 }],
    ['packages_of(vehicle)', /package type in quotes/, 1, { code: 'package_type_name' }],
    [
      'packages_of("spaceship")',
      /unknown package type "spaceship"/,
      1,
      { code: 'unknown_package_type', type: 'spaceship' },
    ],
  ])('%s', (source, reason, position, problem) => {
    const refused = refusal(source);
    expect(refused.reason).toMatch(reason);
    expect(refused.position).toBe(position);
    // the same reason as a stable code and its parameters, for clients' own words
    expect(refused.problem).toMatchObject(problem);
  });

  it('says what is wrong with the syntax', () => {
    expect(refusal('distance_km > ').reason).toMatch(/incomplete|syntax error/);
    expect(refusal('distance_km >> 3').reason).toMatch(/syntax error/);
    expect(refusal('distance_km >> 3').problem).toEqual({ code: 'syntax', message: expect.any(String) });
    expect(refusal('"unterminated').reason).toMatch(/syntax error/);
  });
});

describe('pricing expressions: hostile input is refused or harmless', () => {
  const hostile = [
    'constructor',
    '__proto__',
    'prototype',
    'this',
    'globalThis',
    'process',
    'require',
    'module',
    'Function',
    'eval("1")',
    'constructor.constructor("return process")()',
    'vehicle.constructor',
    'vehicle["constructor"]',
    'vehicle.__proto__.polluted',
    '{"__proto__": {"polluted": 1}}',
    'weekday[.length > 0]',
    'vehicle|upper',
    'process.exit(1)',
    'require("child_process").execSync("id")',
    'globalThis.process.env',
    'toString()',
    'valueOf()',
    'hasOwnProperty("x")',
    '__defineGetter__("x", 1)',
    'in_zone.constructor',
    'x = 1',
    'distance_km; process',
    '`${process}`',
    'packages_of("__proto__")',
    'packages_of("constructor")',
    'new Function("return 1")',
    'import("fs")',
  ];

  it.each(hostile)('%s', (source) => {
    const compiled = compileExpression(source, 'per_task');
    expect(compiled.ok).toBe(false);
  });

  it('string escapes are plain data', () => {
    expect(run('vehicle == "cargo\\"_bike"')).toBe(false);
    expect(run('"\\u0000constructor" == vehicle')).toBe(false);
    expect(run('"__proto__" == "__proto__"')).toBe(true);
    expect(run('"constructor" in ["constructor"]')).toBe(true);
    expect(run('in_zone("pickup", "__proto__") || in_zone("pickup", "constructor")')).toBe(false);
  });

  it('refuses expressions over the length cap and nested too deep, without evaluating them', () => {
    expect(refusal(`distance_km > ${'1'.repeat(600)}`).reason).toMatch(/longer than 500/);
    expect(refusal(`${'('.repeat(40)}1${' + 1)'.repeat(40)} > 0`).reason).toMatch(/nests deeper/);
    // parentheses alone add no level: they parse to the value they hold
    expect(run(`${'('.repeat(100)}1${')'.repeat(100)} > 0`)).toBe(true);
    expect(refusal(Array.from({ length: 30 }, () => 'distance_km').join(' + ')).reason).toMatch(/nests deeper/);
  });

  it('leaks nothing: no prototype polluted, no global reachable, whatever was tried', () => {
    for (const source of ['"__proto__"', 'vehicle + "polluted"', 'weekday == "constructor"']) run(source);
    const probe: Record<string, unknown> = {};
    expect(probe['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.keys(Object.prototype)).toEqual([]);
    // a name the checker does not know reads a prototype-less context: nothing comes from Object.prototype
    const compiled = compileExpression('vehicle', 'per_delivery');
    if (!compiled.ok) throw new Error('refused');
    const result = compiled.expression.evaluate({ ...facts(), variables: { vehicle: 'bike' } });
    expect(result).toEqual({ ok: true, value: 'bike' });
  });

  it('arithmetic on strange values stays a value, never an error that escapes', () => {
    const compiled = compileExpression('distance_km / 0', 'per_delivery');
    expect(compiled.ok && compiled.expression.evaluate(facts())).toEqual({ ok: true, value: Infinity });
  });
});
