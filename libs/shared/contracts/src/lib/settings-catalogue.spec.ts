import {
  COOP_SETTING_KEYS,
  FEDERATION_SETTING_KEYS,
  SETTINGS_CATALOGUE,
  SETTING_KEYS,
  coopSettingDefaults,
  federationSettingDefaults,
  isSettingKey,
  settingValueProblem,
} from './settings-catalogue';

describe('the settings catalogue', () => {
  it('describes every key once, in its scope, with a default its own schema accepts and EN/FR texts', () => {
    expect(new Set(SETTING_KEYS).size).toBe(SETTING_KEYS.length);
    for (const key of COOP_SETTING_KEYS) expect(SETTINGS_CATALOGUE[key].scope).toBe('coop');
    for (const key of FEDERATION_SETTING_KEYS) expect(SETTINGS_CATALOGUE[key].scope).toBe('federation');
    for (const key of SETTING_KEYS) {
      const def = SETTINGS_CATALOGUE[key];
      expect([key, settingValueProblem(key, def.default)]).toEqual([key, null]);
      for (const text of [def.label.en, def.label.fr, def.help.en, def.help.fr]) expect(text.length).toBeGreaterThan(2);
      if (def.schema.type === 'enum') {
        for (const v of def.schema.values) expect(def.valueLabels?.[v]?.fr).toBeTruthy();
      }
    }
  });

  it('keeps the values the federation used before governance', () => {
    expect(federationSettingDefaults()).toMatchObject({ licence_grace_days: 30, worker_ownership_threshold: 0.5 });
    expect(coopSettingDefaults().dispatch_mode).toBe('manual');
  });

  it('refuses values outside each schema', () => {
    expect(settingValueProblem('dispatch_mode', 'suggest')).toBeNull();
    expect(settingValueProblem('dispatch_mode', 'robots')).toMatch(/manual, suggest, auto/);
    expect(settingValueProblem('dispatch_mode', 1)).not.toBeNull();
    expect(settingValueProblem('storefront_public', 'yes')).not.toBeNull();
    expect(settingValueProblem('order_auto_refuse_minutes', 0)).toMatch(/1 to 240/);
    expect(settingValueProblem('order_auto_refuse_minutes', 2.5)).not.toBeNull();
    expect(settingValueProblem('order_auto_refuse_minutes', 240)).toBeNull();
    expect(settingValueProblem('worker_ownership_threshold', 0)).not.toBeNull();
    expect(settingValueProblem('worker_ownership_threshold', 1)).toBeNull();
    expect(settingValueProblem('worker_ownership_threshold', Number.NaN)).not.toBeNull();
    expect(settingValueProblem('licence_grace_days', 366)).not.toBeNull();
  });

  it('knows its keys', () => {
    expect(isSettingKey('dispatch_mode')).toBe(true);
    expect(isSettingKey('__proto__')).toBe(false);
    expect(isSettingKey(3)).toBe(false);
  });
});
