import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  vatRatesFor,
  type CreatePricingRuleSetRequest,
  type ExpressionProblem,
  type FieldError,
  type Page,
  type PriceBreakdown,
  type PriceNoRuleDetails,
  type PricingInput,
  type PricingQuoteRequest,
  type PricingRuleFields,
  type PricingRuleSetSummary,
  type PricingRuleSetView,
  type PricingScope,
  type RuleEvaluation,
  type UpdatePricingRuleSetRequest,
} from '@federacycle/contracts';
import { deliveryShapeProblem } from '@federacycle/dispatch-server';
import { ZonesService, pointInZone } from '@federacycle/geo-server';
import { Coop, Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { priceWithRuleSet, type RuleSetToPrice } from './engine/price-rule-set';
import { compileExpression } from './engine/pricing-expression';
import { quoteFacts } from './engine/quote-facts';
import { PricingRuleSet } from './pricing-rule-set.entity';
import { PricingRule } from './pricing-rule.entity';

/** The pricing use case other domains call, in their own transaction. */
export interface PricingOptions {
  ruleSetId?: string;
}

type RuleInput = PricingRuleFields & { id?: string };

function toRuleView(rule: PricingRule): PricingRuleSetView['rules'][number] {
  return {
    id: rule.id,
    position: rule.position,
    label: rule.label,
    condition: rule.condition,
    priceKind: rule.priceKind,
    amountMinor: rule.amountMinor,
    percentBp: rule.percentBp,
    kmRanges: rule.kmRanges,
    packageType: rule.packageType,
    includedStops: rule.includedStops,
    formula: rule.formula,
  };
}

function toView(set: PricingRuleSet, rules: PricingRule[]): PricingRuleSetView {
  return {
    id: set.id,
    name: set.name,
    strategy: set.strategy,
    scope: set.scope,
    currency: set.currency,
    vatRateBp: set.vatRateBp,
    pricesIncludeVat: set.pricesIncludeVat,
    isDefault: set.isDefault,
    archived: set.archivedAt !== null,
    rules: rules.map(toRuleView),
    createdAt: set.createdAt.toISOString(),
    updatedAt: set.updatedAt.toISOString(),
  };
}

/** Only the fields of the rule's kind are kept (the others are stored as null). */
function normalisedRule(rule: RuleInput): Omit<PricingRule, 'coopId' | 'id' | 'ruleSetId' | 'position' | 'coop'> {
  const kind = rule.priceKind;
  return {
    label: rule.label.trim(),
    condition: rule.condition.trim(),
    priceKind: kind,
    amountMinor: ['fixed', 'per_package', 'per_stop'].includes(kind) ? (rule.amountMinor ?? null) : null,
    percentBp: kind === 'percentage' ? (rule.percentBp ?? null) : null,
    kmRanges: kind === 'per_km' ? (rule.kmRanges ?? null) : null,
    packageType: kind === 'per_package' ? (rule.packageType ?? null) : null,
    includedStops: kind === 'per_stop' ? (rule.includedStops ?? 0) : null,
    formula: kind === 'formula' ? (rule.formula?.trim() ?? null) : null,
  };
}

/** Problems of one expression: compile, then every zone it names must be one of the coop's. */
function expressionProblems(
  source: string,
  scope: PricingScope,
  field: string,
  zoneNames: ReadonlySet<string>,
): FieldError[] {
  const compiled = compileExpression(source, scope);
  if (!compiled.ok) {
    const at = compiled.position === null ? '' : `at character ${compiled.position}: `;
    return [expressionError(field, `${at}${compiled.reason}`, compiled.position, compiled.problem)];
  }
  const known = [...zoneNames].join(', ');
  return compiled.expression.zoneNames
    .filter((name) => !zoneNames.has(name.toLowerCase()))
    .map((name) =>
      expressionError(field, `no zone is named “${name}” (the coop’s zones: ${known || 'none yet'})`, null, {
        code: 'unknown_zone',
        zone: name,
        known,
      }),
    );
}

/** A PRICE_EXPRESSION_INVALID field error: the English message, and its code and parameters. */
function expressionError(
  field: string,
  message: string,
  position: number | null,
  { code, ...params }: ExpressionProblem,
): FieldError {
  return { field, code: 'PRICE_EXPRESSION_INVALID', message, params: { reason: code, position, ...params } };
}

/** Every problem of a rule list, with its field path (`rules.2.condition`). */
export function ruleProblems(
  rules: readonly RuleInput[],
  scope: PricingScope,
  zoneNames: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  rules.forEach((rule, i) => {
    const at = (name: string) => `rules.${i}.${name}`;
    const bad = (name: string, message: string) =>
      errors.push({ field: at(name), code: 'PRICE_RULE_INVALID', message });
    if (rule.label.trim() === '') bad('label', 'a rule needs a label');
    errors.push(...expressionProblems(rule.condition, scope, at('condition'), zoneNames));
    switch (rule.priceKind) {
      case 'fixed':
      case 'per_package':
      case 'per_stop':
        if (rule.amountMinor === null || rule.amountMinor === undefined) bad('amountMinor', 'give the amount');
        break;
      case 'percentage':
        if (rule.percentBp === null || rule.percentBp === undefined) bad('percentBp', 'give the percentage');
        break;
      case 'formula':
        if (!rule.formula?.trim()) bad('formula', 'give the formula');
        else errors.push(...expressionProblems(rule.formula, scope, at('formula'), zoneNames));
        break;
      case 'per_km': {
        const ranges = rule.kmRanges ?? [];
        if (ranges.length === 0) bad('kmRanges', 'give at least one range');
        ranges.forEach((range, r) => {
          const last = r === ranges.length - 1;
          if (range.toKm === null && !last) bad(`kmRanges.${r}.toKm`, 'only the last range may be open-ended');
          if (range.toKm !== null && range.toKm <= range.fromKm) {
            bad(
              `kmRanges.${r}.toKm`,
              `the range ends (${range.toKm} km) where or before it starts (${range.fromKm} km)`,
            );
          }
          const previous = ranges[r - 1];
          if (previous && previous.toKm !== null && range.fromKm < previous.toKm) {
            bad(
              `kmRanges.${r}.fromKm`,
              `the range starts (${range.fromKm} km) inside the one before (up to ${previous.toKm} km)`,
            );
          }
        });
        break;
      }
    }
  });
  return errors;
}

function refusal(errors: FieldError[]): ApiException {
  const expression = errors.some((e) => e.code === 'PRICE_EXPRESSION_INVALID');
  const code = expression ? 'PRICE_EXPRESSION_INVALID' : 'PRICE_RULE_INVALID';
  const first = errors[0];
  return new ApiException(400, code, `${first.field}: ${first.message}`, errors);
}

function noRule(set: { id: string; name: string } | null, evaluated: RuleEvaluation[], message: string): ApiException {
  const details: PriceNoRuleDetails = { ruleSetId: set?.id ?? null, ruleSetName: set?.name ?? null, evaluated };
  return new ApiException(422, 'PRICE_NO_RULE', message, undefined, undefined, { ...details });
}

/**
 * Serialises the writes that decide a coop's default rule set (a create that may make the first
 * one the default, a change of default): the partial unique index alone would turn a race into a
 * refusal; under this transaction-scoped lock the second writer sees the first's default.
 */
async function lockDefault(tx: Tx, coopId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('pricing.default:' || $1::text, 0))`, [coopId]);
}

const archivedRefusal = () =>
  ApiException.conflict(
    'RULE_SET_ARCHIVED',
    'This rule set is archived: it can no longer be changed or made the default',
  );

/**
 * Pricing rule sets: a coop admin's CRUD, the quote tester, and `priceIn`, the use case the
 * partner API and orders call in their own transaction (see ARCHITECTURE.md, "Pricing").
 */
@Injectable()
export class PricingService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ZonesService) private readonly zones: ZonesService,
  ) {}

  /** One page of the coop's rule sets (default first, then by name) with their rule counts. */
  async list(coopId: string, limit: number, offset: number): Promise<Page<PricingRuleSetSummary>> {
    const rows = await this.db.read((manager) =>
      manager
        .getRepository(PricingRuleSet)
        .createQueryBuilder('s')
        .select('s.id', 'id')
        .addSelect('s.name', 'name')
        .addSelect('s.strategy', 'strategy')
        .addSelect('s.scope', 'scope')
        .addSelect('s.currency', 'currency')
        .addSelect('s.vat_rate_bp', 'vatRateBp')
        .addSelect('s.prices_include_vat', 'pricesIncludeVat')
        .addSelect('s.is_default', 'isDefault')
        .addSelect('s.archived_at is not null', 'archived')
        .addSelect(
          '(select count(*) from pricing_rules r where r.coop_id = s.coop_id and r.rule_set_id = s.id)::int',
          'rules',
        )
        .addSelect('s.updated_at', 'updatedAt')
        .addSelect('count(*) over ()', 'total')
        .where('s.coopId = :coopId', { coopId })
        .orderBy('s.is_default', 'DESC')
        .addOrderBy('s.archived_at is not null', 'ASC')
        .addOrderBy('lower(s.name)', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .limit(limit)
        .offset(offset)
        .getRawMany<PricingRuleSetSummary & { updatedAt: Date; total: string }>(),
    );
    if (rows.length === 0 && offset > 0) {
      return { items: [], total: await this.db.read((manager) => manager.countBy(PricingRuleSet, { coopId })) };
    }
    return {
      items: rows.map(({ total: _total, updatedAt, ...row }) => ({ ...row, updatedAt: updatedAt.toISOString() })),
      total: Number(rows[0]?.total ?? 0),
    };
  }

  async get(coopId: string, ruleSetId: string): Promise<PricingRuleSetView> {
    return this.db.read((manager) => this.viewOf(manager, coopId, ruleSetId));
  }

  create(coopId: string, request: CreatePricingRuleSetRequest): Promise<PricingRuleSetView> {
    return this.db.forCoop(coopId, async (tx) => {
      const coop = await tx.manager.findOneOrFail(Coop, {
        where: { id: coopId },
        select: { id: true, country: true, currency: true },
      });
      this.assertVatRate(coop.country, request.vatRateBp);
      await this.assertRules(tx, request.rules, request.scope);
      await lockDefault(tx, coopId);
      const hasDefault = await tx.manager.exists(PricingRuleSet, { where: { coopId, isDefault: true } });
      const inserted = await tx.manager.insert(PricingRuleSet, {
        coopId,
        name: request.name.trim(),
        strategy: request.strategy,
        scope: request.scope,
        currency: coop.currency,
        vatRateBp: request.vatRateBp,
        pricesIncludeVat: request.pricesIncludeVat,
        // a coop's first rule set prices its deliveries at once
        isDefault: !hasDefault,
      });
      const { id } = inserted.identifiers[0] as Pick<PricingRuleSet, 'id'>;
      await this.writeRules(tx.manager, coopId, id, request.rules, []);
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'ordering.pricing_rule_set_created',
        subjectType: 'pricing_rule_set',
        subjectId: id,
        data: { name: request.name, rules: request.rules.length },
      });
      return this.viewOf(tx.manager, coopId, id);
    });
  }

  update(coopId: string, ruleSetId: string, request: UpdatePricingRuleSetRequest): Promise<PricingRuleSetView> {
    return this.db.forCoop(coopId, async (tx) => {
      const set = await this.lockedSet(tx, coopId, ruleSetId);
      if (set.archivedAt) throw archivedRefusal();
      if (request.vatRateBp !== undefined) {
        const coop = await tx.manager.findOneOrFail(Coop, {
          where: { id: coopId },
          select: { id: true, country: true },
        });
        this.assertVatRate(coop.country, request.vatRateBp);
      }
      const scope = request.scope ?? set.scope;
      const existing = await tx.manager.find(PricingRule, { where: { coopId, ruleSetId }, order: { position: 'ASC' } });
      // a new scope re-checks the rules kept (task variables exist only per task)
      const rules: RuleInput[] = request.rules ?? existing.map(toRuleView);
      if (request.rules !== undefined || request.scope !== undefined) await this.assertRules(tx, rules, scope);
      const patch: Partial<PricingRuleSet> = { updatedAt: new Date() };
      if (request.name !== undefined) patch.name = request.name.trim();
      if (request.strategy !== undefined) patch.strategy = request.strategy;
      if (request.scope !== undefined) patch.scope = request.scope;
      if (request.vatRateBp !== undefined) patch.vatRateBp = request.vatRateBp;
      if (request.pricesIncludeVat !== undefined) patch.pricesIncludeVat = request.pricesIncludeVat;
      await tx.manager.update(PricingRuleSet, { coopId, id: ruleSetId }, patch);
      if (request.rules !== undefined) {
        await this.writeRules(
          tx.manager,
          coopId,
          ruleSetId,
          request.rules,
          existing.map((r) => r.id),
        );
      }
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'ordering.pricing_rule_set_updated',
        subjectType: 'pricing_rule_set',
        subjectId: ruleSetId,
        data: { name: patch.name ?? set.name, rules: rules.length },
      });
      return this.viewOf(tx.manager, coopId, ruleSetId);
    });
  }

  /** Archives a rule set (it stays readable); the default one stops being the default. */
  archive(coopId: string, ruleSetId: string): Promise<PricingRuleSetView> {
    return this.db.forCoop(coopId, async (tx) => {
      const set = await this.lockedSet(tx, coopId, ruleSetId);
      if (!set.archivedAt) {
        await tx.manager.update(
          PricingRuleSet,
          { coopId, id: ruleSetId },
          { archivedAt: new Date(), isDefault: false, updatedAt: new Date() },
        );
        await writeOutbox(tx, AUDIT_RECORD_JOB, {
          action: 'ordering.pricing_rule_set_archived',
          subjectType: 'pricing_rule_set',
          subjectId: ruleSetId,
          data: { name: set.name, wasDefault: set.isDefault },
        });
      }
      return this.viewOf(tx.manager, coopId, ruleSetId);
    });
  }

  /** Makes a rule set the coop's default (the one partner deliveries and orders are priced with). */
  setDefault(coopId: string, ruleSetId: string): Promise<PricingRuleSetView> {
    return this.db
      .forCoop(coopId, async (tx) => {
        await lockDefault(tx, coopId);
        const set = await this.lockedSet(tx, coopId, ruleSetId);
        if (set.archivedAt) throw archivedRefusal();
        if (!set.isDefault) {
          await tx.execute(
            'update pricing_rule_sets set is_default = false, updated_at = now() where coop_id = $1 and is_default and id <> $2',
            [coopId, ruleSetId],
          );
          await tx.manager.update(
            PricingRuleSet,
            { coopId, id: ruleSetId },
            { isDefault: true, updatedAt: new Date() },
          );
          await writeOutbox(tx, AUDIT_RECORD_JOB, {
            action: 'ordering.pricing_default_set',
            subjectType: 'pricing_rule_set',
            subjectId: ruleSetId,
            data: { name: set.name },
          });
        }
        return this.viewOf(tx.manager, coopId, ruleSetId);
      })
      .catch((error: unknown) => {
        if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
          throw ApiException.conflict(
            'CONFLICT',
            'Another default rule set was chosen at the same moment: reload and try again',
          );
        }
        throw error;
      });
  }

  /** Puts the rules of a set in a new order: one conditional write naming every rule exactly once. */
  reorder(coopId: string, ruleSetId: string, ruleIds: string[]): Promise<PricingRuleSetView> {
    return this.db.forCoop(coopId, async (tx) => {
      const set = await this.lockedSet(tx, coopId, ruleSetId);
      if (set.archivedAt) throw archivedRefusal();
      const touched = await tx.execute(
        `update pricing_rules r set position = o.ord - 1
           from unnest($3::uuid[]) with ordinality as o(id, ord)
          where r.coop_id = $1 and r.rule_set_id = $2 and r.id = o.id
            and (select count(*) from pricing_rules c where c.coop_id = $1 and c.rule_set_id = $2) = cardinality($3::uuid[])`,
        [coopId, ruleSetId, ruleIds],
      );
      if (touched !== ruleIds.length || new Set(ruleIds).size !== ruleIds.length) {
        throw ApiException.conflict(
          'REORDER_MISMATCH',
          'The order must name every rule of the set exactly once: reload the rule set and reorder again',
        );
      }
      await tx.manager.update(PricingRuleSet, { coopId, id: ruleSetId }, { updatedAt: new Date() });
      return this.viewOf(tx.manager, coopId, ruleSetId);
    });
  }

  /** The quote tester: a PricingInput with an optional rule set (default: the coop's default). */
  quote(coopId: string, request: PricingQuoteRequest): Promise<PriceBreakdown> {
    const { ruleSetId, at, ...input } = request;
    return this.db.forCoop(coopId, (tx) =>
      this.priceIn(tx, coopId, { ...input, at: at ? new Date(at) : undefined }, { ruleSetId }),
    );
  }

  /**
   * Prices a delivery in the caller's transaction with the coop's default rule set (or the one
   * named). Throws 422 `PRICE_NO_RULE` with each rule's reason when no rule prices it, also when
   * the coop has no default rule set; 404 for a rule set the coop does not have.
   */
  async priceIn(tx: Tx, coopId: string, input: PricingInput, opts: PricingOptions = {}): Promise<PriceBreakdown> {
    const shape = deliveryShapeProblem(input.tasks.map((t) => t.type));
    if (shape) throw new ApiException(400, 'DELIVERY_SHAPE_INVALID', shape);
    const set = opts.ruleSetId
      ? await tx.manager.findOneBy(PricingRuleSet, { coopId, id: opts.ruleSetId })
      : await tx.manager.findOneBy(PricingRuleSet, { coopId, isDefault: true });
    if (!set) {
      if (opts.ruleSetId) throw ApiException.notFound('Rule set');
      throw noRule(null, [], 'The coop has no default pricing rule set: a coop admin sets one under Pricing');
    }
    const [rules, coop, zones] = await Promise.all([
      tx.manager.find(PricingRule, { where: { coopId, ruleSetId: set.id }, order: { position: 'ASC', id: 'ASC' } }),
      tx.manager.findOneOrFail(Coop, { where: { id: coopId }, select: { id: true, timezone: true } }),
      this.zones.allIn(tx),
    ]);
    const toPrice: RuleSetToPrice = { ...set, rules: rules.map(toRuleView) };
    const facts = quoteFacts(input, {
      zonesAt: (point) => zones.filter((z) => pointInZone(point, z.geometry, z.bbox)).map((z) => z.name.toLowerCase()),
      timeZone: coop.timezone,
      now: input.at ?? new Date(),
    });
    const outcome = priceWithRuleSet(toPrice, facts);
    if (!outcome.ok) {
      throw noRule(
        set,
        outcome.evaluated,
        rules.length === 0
          ? `The rule set “${set.name}” has no rules yet`
          : `No rule of “${set.name}” prices this delivery: ${outcome.evaluated.filter((e) => !e.matched).map((e) => `${e.label}: ${e.reason}`)[0] ?? ''}`,
      );
    }
    return outcome.breakdown;
  }

  private assertVatRate(country: string, vatRateBp: number): void {
    const rates = vatRatesFor(country);
    if (vatRateBp !== 0 && !rates.includes(vatRateBp)) {
      throw new ApiException(
        400,
        'VAT_RATE_NOT_ALLOWED',
        `VAT rate ${vatRateBp / 100} % is not a rate of ${country} (${rates.map((r) => r / 100).join(', ') || 'none listed'}, or 0)`,
        [{ field: 'vatRateBp', code: 'VAT_RATE_NOT_ALLOWED', message: `not a VAT rate of ${country}` }],
      );
    }
  }

  private async assertRules(tx: Tx, rules: readonly RuleInput[], scope: PricingScope): Promise<void> {
    const zoneNames = new Set((await this.zones.allIn(tx)).map((z) => z.name.toLowerCase()));
    const errors = ruleProblems(rules, scope, zoneNames);
    if (errors.length > 0) throw refusal(errors);
  }

  private async lockedSet(tx: Tx, coopId: string, ruleSetId: string): Promise<PricingRuleSet> {
    const set = await tx.manager
      .getRepository(PricingRuleSet)
      .createQueryBuilder('s')
      .where('s.coopId = :coopId and s.id = :ruleSetId', { coopId, ruleSetId })
      .setLock('pessimistic_write')
      .getOne();
    if (!set) throw ApiException.notFound('Rule set');
    return set;
  }

  /** Replaces the rules of a set, in order; a rule carrying the id of one of the set's keeps it. */
  private async writeRules(
    manager: EntityManager,
    coopId: string,
    ruleSetId: string,
    rules: readonly RuleInput[],
    existingIds: readonly string[],
  ): Promise<void> {
    await manager.delete(PricingRule, { coopId, ruleSetId });
    if (rules.length === 0) return;
    const kept = new Set(existingIds);
    const seen = new Set<string>();
    await manager.insert(
      PricingRule,
      rules.map((rule, position) => {
        const id = rule.id && kept.has(rule.id) && !seen.has(rule.id) ? rule.id : undefined;
        if (id) seen.add(id);
        return { coopId, ruleSetId, position, ...(id ? { id } : {}), ...normalisedRule(rule) };
      }),
    );
  }

  private async viewOf(manager: EntityManager, coopId: string, ruleSetId: string): Promise<PricingRuleSetView> {
    const [set, rules] = await Promise.all([
      manager.findOneBy(PricingRuleSet, { coopId, id: ruleSetId }),
      manager.find(PricingRule, { where: { coopId, ruleSetId }, order: { position: 'ASC', id: 'ASC' } }),
    ]);
    if (!set) throw ApiException.notFound('Rule set');
    return toView(set, rules);
  }
}
