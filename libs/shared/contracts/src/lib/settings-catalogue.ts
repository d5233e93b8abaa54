/**
 * The typed settings catalogue: every setting a coop's members or the federation's coops vote on.
 * Pure data and pure functions (no I/O), shared by the API (validation of proposed changes, the
 * versioned store's defaults) and the console (labels, help, "from → to").
 */

export type SettingScope = 'coop' | 'federation';
export type Bilingual = { en: string; fr: string };

export type SettingSchema =
  | { type: 'enum'; values: readonly string[] }
  | {
      type: 'integer';
      min: number;
      max: number;
      unit?: 'minutes' | 'days' | 'tasks' | 'orders' | 'proxies' | 'percent';
    }
  | { type: 'share'; min: number; max: number; minExclusive?: boolean }
  | { type: 'boolean' };

export type SettingValue = string | number | boolean;

export interface SettingDefinition {
  key: SettingKey;
  scope: SettingScope;
  schema: SettingSchema;
  default: SettingValue;
  /** statutory settings need a two-thirds threshold to change */
  statutory: boolean;
  label: Bilingual;
  help: Bilingual;
  /** labels of enum values */
  valueLabels?: Record<string, Bilingual>;
}

export const COOP_SETTING_KEYS = [
  'dispatch_mode',
  'proof_of_delivery_pickup',
  'proof_of_delivery_dropoff',
  'order_auto_refuse_minutes',
  'courier_max_concurrent_tasks',
  'storefront_public',
  'max_proxies_per_holder',
] as const;
export const FEDERATION_SETTING_KEYS = [
  'licence_grace_days',
  'worker_ownership_threshold',
  'worker_ownership_grace_days',
  'sandbox_test_orders_per_day',
  'default_quorum_percent',
  'default_threshold_percent',
] as const;
export type CoopSettingKey = (typeof COOP_SETTING_KEYS)[number];
export type FederationSettingKey = (typeof FEDERATION_SETTING_KEYS)[number];
export type SettingKey = CoopSettingKey | FederationSettingKey;

export const DISPATCH_MODES = ['manual', 'suggest', 'auto'] as const;
export type DispatchMode = (typeof DISPATCH_MODES)[number];
export const PROOF_POLICIES = ['none', 'photo', 'signature', 'photo_and_signature', 'code'] as const;
export type ProofPolicy = (typeof PROOF_POLICIES)[number];

const PROOF_LABELS: Record<ProofPolicy, Bilingual> = {
  none: { en: 'None', fr: 'Aucune' },
  photo: { en: 'Photo', fr: 'Photo' },
  signature: { en: 'Signature', fr: 'Signature' },
  photo_and_signature: { en: 'Photo and signature', fr: 'Photo et signature' },
  code: { en: 'Handover code from the recipient', fr: 'Code de remise donné par le destinataire' },
};

/** What a proof policy requires of the courier (`code`: the handover code the recipient gives). */
export function proofRequirements(policy: ProofPolicy): ('photo' | 'signature' | 'code')[] {
  switch (policy) {
    case 'none':
      return [];
    case 'photo':
      return ['photo'];
    case 'signature':
      return ['signature'];
    case 'photo_and_signature':
      return ['photo', 'signature'];
    case 'code':
      return ['code'];
  }
}

/** The values each setting holds, by key (what the reader returns). */
export interface CoopSettingValues {
  dispatch_mode: DispatchMode;
  proof_of_delivery_pickup: ProofPolicy;
  proof_of_delivery_dropoff: ProofPolicy;
  order_auto_refuse_minutes: number;
  courier_max_concurrent_tasks: number;
  storefront_public: boolean;
  max_proxies_per_holder: number;
}
export interface FederationSettingValues {
  licence_grace_days: number;
  /** share of active couriers who must be members, in (0, 1] */
  worker_ownership_threshold: number;
  worker_ownership_grace_days: number;
  sandbox_test_orders_per_day: number;
  default_quorum_percent: number;
  default_threshold_percent: number;
}

export const SETTINGS_CATALOGUE: { readonly [K in SettingKey]: SettingDefinition & { key: K } } = {
  dispatch_mode: {
    key: 'dispatch_mode',
    scope: 'coop',
    schema: { type: 'enum', values: DISPATCH_MODES },
    default: 'manual',
    statutory: false,
    label: { en: 'Dispatch mode', fr: 'Mode de répartition' },
    help: {
      en: 'Manual: dispatchers assign every task. Suggest: the planner proposes, a dispatcher confirms. Auto: the planner assigns.',
      fr: 'Manuel : les répartiteurs attribuent chaque tâche. Suggestion : le planificateur propose, un répartiteur confirme. Automatique : le planificateur attribue.',
    },
    valueLabels: {
      manual: { en: 'Manual', fr: 'Manuel' },
      suggest: { en: 'Suggest', fr: 'Suggestion' },
      auto: { en: 'Automatic', fr: 'Automatique' },
    },
  },
  proof_of_delivery_pickup: {
    key: 'proof_of_delivery_pickup',
    scope: 'coop',
    schema: { type: 'enum', values: PROOF_POLICIES },
    default: 'none',
    statutory: false,
    label: { en: 'Proof at pickup', fr: 'Preuve au retrait' },
    help: {
      en: 'What a courier must collect when picking up a parcel.',
      fr: 'Ce qu’un coursier doit recueillir en retirant un colis.',
    },
    valueLabels: PROOF_LABELS,
  },
  proof_of_delivery_dropoff: {
    key: 'proof_of_delivery_dropoff',
    scope: 'coop',
    schema: { type: 'enum', values: PROOF_POLICIES },
    default: 'photo',
    statutory: false,
    label: { en: 'Proof at dropoff', fr: 'Preuve à la livraison' },
    help: {
      en: 'What a courier must collect when delivering a parcel.',
      fr: 'Ce qu’un coursier doit recueillir en livrant un colis.',
    },
    valueLabels: PROOF_LABELS,
  },
  order_auto_refuse_minutes: {
    key: 'order_auto_refuse_minutes',
    scope: 'coop',
    schema: { type: 'integer', min: 1, max: 240, unit: 'minutes' },
    default: 15,
    statutory: false,
    label: { en: 'Order auto-refuse delay', fr: 'Délai de refus automatique des commandes' },
    help: {
      en: 'An order nobody accepts within this many minutes is refused, and the customer told.',
      fr: 'Une commande que personne n’accepte dans ce délai (en minutes) est refusée et le client prévenu.',
    },
  },
  courier_max_concurrent_tasks: {
    key: 'courier_max_concurrent_tasks',
    scope: 'coop',
    schema: { type: 'integer', min: 1, max: 20, unit: 'tasks' },
    default: 4,
    statutory: false,
    label: { en: 'Courier maximum concurrent tasks', fr: 'Tâches simultanées maximum par coursier' },
    help: {
      en: 'The most tasks a courier carries at once.',
      fr: 'Le nombre maximum de tâches qu’un coursier porte à la fois.',
    },
  },
  storefront_public: {
    key: 'storefront_public',
    scope: 'coop',
    schema: { type: 'boolean' },
    default: false,
    statutory: false,
    label: { en: 'Storefront open to the public', fr: 'Boutique ouverte au public' },
    help: {
      en: 'Whether anyone may order from the coop’s storefront (a licence is still required).',
      fr: 'Si tout le monde peut commander sur la boutique de la coopérative (une licence reste nécessaire).',
    },
  },
  max_proxies_per_holder: {
    key: 'max_proxies_per_holder',
    scope: 'coop',
    schema: { type: 'integer', min: 0, max: 10, unit: 'proxies' },
    default: 2,
    statutory: true,
    label: { en: 'Proxies per member', fr: 'Procurations par membre' },
    help: {
      en: 'The most proxies one member may hold on one proposal (0: no proxies).',
      fr: 'Le nombre maximum de procurations qu’un membre peut détenir pour une proposition (0 : aucune).',
    },
  },
  licence_grace_days: {
    key: 'licence_grace_days',
    scope: 'federation',
    schema: { type: 'integer', min: 0, max: 365, unit: 'days' },
    default: 30,
    statutory: true,
    label: { en: 'Licence grace period', fr: 'Délai de grâce de la licence' },
    help: {
      en: 'Days a coop keeps operating after its licence expires.',
      fr: 'Jours pendant lesquels une coopérative continue d’opérer après l’expiration de sa licence.',
    },
  },
  worker_ownership_threshold: {
    key: 'worker_ownership_threshold',
    scope: 'federation',
    schema: { type: 'share', min: 0, max: 1, minExclusive: true },
    default: 0.5,
    statutory: true,
    label: { en: 'Worker-ownership threshold', fr: 'Seuil de propriété des travailleurs' },
    help: {
      en: 'Share of a coop’s active couriers who must be members of it.',
      fr: 'Part des coursiers actifs d’une coopérative qui doivent en être membres.',
    },
  },
  worker_ownership_grace_days: {
    key: 'worker_ownership_grace_days',
    scope: 'federation',
    schema: { type: 'integer', min: 0, max: 365, unit: 'days' },
    default: 30,
    statutory: true,
    label: { en: 'Worker-ownership grace period', fr: 'Délai de grâce de la propriété des travailleurs' },
    help: {
      en: 'Days a coop below the threshold keeps operating before it is restricted.',
      fr: 'Jours pendant lesquels une coopérative sous le seuil continue d’opérer avant d’être restreinte.',
    },
  },
  sandbox_test_orders_per_day: {
    key: 'sandbox_test_orders_per_day',
    scope: 'federation',
    schema: { type: 'integer', min: 0, max: 1000, unit: 'orders' },
    default: 20,
    statutory: false,
    label: { en: 'Sandbox daily test-order cap', fr: 'Plafond quotidien de commandes de test en bac à sable' },
    help: {
      en: 'Test orders a coop without a licence may create per day.',
      fr: 'Commandes de test qu’une coopérative sans licence peut créer par jour.',
    },
  },
  default_quorum_percent: {
    key: 'default_quorum_percent',
    scope: 'federation',
    schema: { type: 'integer', min: 0, max: 100, unit: 'percent' },
    default: 25,
    statutory: false,
    label: { en: 'Default quorum of coop proposals', fr: 'Quorum par défaut des propositions des coopératives' },
    help: {
      en: 'Share of the voters who must vote for a coop proposal to count.',
      fr: 'Part des votants qui doivent voter pour qu’une proposition de coopérative compte.',
    },
  },
  default_threshold_percent: {
    key: 'default_threshold_percent',
    scope: 'federation',
    schema: { type: 'integer', min: 0, max: 100, unit: 'percent' },
    default: 50,
    statutory: false,
    label: { en: 'Default threshold of coop proposals', fr: 'Seuil par défaut des propositions des coopératives' },
    help: {
      en: 'Share of yes among yes and no above which a coop proposal passes.',
      fr: 'Part de oui parmi les oui et les non au-delà de laquelle une proposition de coopérative est adoptée.',
    },
  },
};

export const SETTING_KEYS: readonly SettingKey[] = [...COOP_SETTING_KEYS, ...FEDERATION_SETTING_KEYS];

export function isSettingKey(key: unknown): key is SettingKey {
  return typeof key === 'string' && (SETTING_KEYS as readonly string[]).includes(key);
}

export function settingsOfScope(scope: SettingScope): SettingDefinition[] {
  return SETTING_KEYS.map((k) => SETTINGS_CATALOGUE[k]).filter((d) => d.scope === scope);
}

/** The statutory two-thirds threshold, in percent. */
export const STATUTORY_THRESHOLD_PERCENT = 200 / 3;

/**
 * Why `value` does not fit the setting's schema (English, for humans), or null when it does.
 * Numbers must be finite; integers whole; shares within their bounds; enum values listed.
 */
export function settingValueProblem(key: SettingKey, value: unknown): string | null {
  const def = SETTINGS_CATALOGUE[key];
  const s = def.schema;
  switch (s.type) {
    case 'enum':
      return typeof value === 'string' && s.values.includes(value)
        ? null
        : `${def.label.en} is one of: ${s.values.join(', ')}.`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${def.label.en} is true or false.`;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= s.min && value <= s.max
        ? null
        : `${def.label.en} is a whole number from ${s.min} to ${s.max}${s.unit ? ` (${s.unit})` : ''}.`;
    case 'share': {
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (s.minExclusive ? value > s.min : value >= s.min) &&
        value <= s.max;
      return ok
        ? null
        : `${def.label.en} is a share ${s.minExclusive ? 'above' : 'from'} ${s.min} and at most ${s.max}.`;
    }
  }
}

/** The defaults of a scope's settings, as the reader returns them when nothing was ever enacted. */
export function coopSettingDefaults(): CoopSettingValues {
  return Object.fromEntries(
    COOP_SETTING_KEYS.map((k) => [k, SETTINGS_CATALOGUE[k].default]),
  ) as unknown as CoopSettingValues;
}
export function federationSettingDefaults(): FederationSettingValues {
  return Object.fromEntries(
    FEDERATION_SETTING_KEYS.map((k) => [k, SETTINGS_CATALOGUE[k].default]),
  ) as unknown as FederationSettingValues;
}

/** One version of one setting, as the API shows it. */
export interface SettingVersionView {
  version: number;
  value: SettingValue;
  effectiveAt: string;
  /** the proposal that enacted it; null for the initial value (or a federation admin's change) */
  proposalId: string | null;
  proposalTitle: string | null;
  /** 'initial', 'proposal', or 'admin' (the federation admin's direct change, recorded) */
  source: 'initial' | 'proposal' | 'admin';
}

export interface SettingView {
  key: SettingKey;
  scope: SettingScope;
  value: SettingValue;
  version: number;
  history: SettingVersionView[];
}
