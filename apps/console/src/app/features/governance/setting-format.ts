import { SETTINGS_CATALOGUE, isSettingKey, type ProposalStatus, type SettingValue } from '@federacycle/contracts';
import type { Lang } from '../../core/i18n/i18n.service';
import type { StatusTone } from '../../shared/status-chip.component';

/** A setting's label in the reader's language (the key itself for an unknown one). */
export function settingLabel(key: string, lang: Lang): string {
  return isSettingKey(key) ? SETTINGS_CATALOGUE[key].label[lang] : key;
}

export function settingHelp(key: string, lang: Lang): string {
  return isSettingKey(key) ? SETTINGS_CATALOGUE[key].help[lang] : '';
}

/** A value as people read it: enum labels, yes/no, numbers with their unit. */
export function settingValueText(key: string, value: SettingValue, lang: Lang, locale: string): string {
  if (!isSettingKey(key)) return String(value);
  const def = SETTINGS_CATALOGUE[key];
  if (typeof value === 'boolean') return lang === 'fr' ? (value ? 'Oui' : 'Non') : value ? 'Yes' : 'No';
  if (typeof value === 'string') return def.valueLabels?.[value]?.[lang] ?? value;
  if (def.schema.type === 'share')
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value * 100)}\u00a0%`;
  const unit = def.schema.type === 'integer' ? def.schema.unit : undefined;
  const n = new Intl.NumberFormat(locale).format(value);
  if (!unit) return n;
  const UNITS: Record<string, [string, string]> = {
    minutes: ['min', 'min'],
    days: ['days', 'jours'],
    tasks: ['tasks', 'tâches'],
    orders: ['orders', 'commandes'],
    proxies: ['proxies', 'procurations'],
    percent: ['%', '%'],
  };
  const [en, fr] = UNITS[unit] ?? ['', ''];
  return `${n} ${lang === 'fr' ? fr : en}`;
}

export function proposalTone(status: ProposalStatus, outcome: string | null): StatusTone {
  if (status === 'open') return 'info';
  if (status === 'enacted') return 'ok';
  if (status === 'closed') return outcome === 'passed' ? 'ok' : 'warn';
  if (status === 'withdrawn') return 'neutral';
  return 'neutral';
}
