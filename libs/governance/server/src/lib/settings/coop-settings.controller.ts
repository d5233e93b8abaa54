import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { In } from 'typeorm';
import {
  SETTINGS_CATALOGUE,
  settingsOfScope,
  type SettingKey,
  type SettingScope,
  type SettingValue,
  type SettingVersionView,
  type SettingView,
} from '@federacycle/contracts';
import { SettingsReader, settingVersions } from '@federacycle/federation-server';
import { Database } from '@federacycle/platform-database';
import { Access, CurrentPrincipal, coopOf, type Caller } from '@federacycle/platform-http';
import { Proposal } from '../proposals/proposal.entity';

export class SettingViewDto implements SettingView {
  @ApiProperty() key!: SettingKey;
  @ApiProperty() scope!: SettingScope;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }) value!: SettingValue;
  @ApiProperty({ description: '0: the catalogue default, never changed' }) version!: number;
  @ApiProperty({ type: [Object] }) history!: SettingVersionView[];
}

/**
 * The settings page: every setting of the coop (and of the federation), its current value, its
 * history and the proposal behind each change. Members read them; only enactment changes them.
 */
@ApiTags('governance')
@Controller('api/governance/settings')
export class CoopSettingsController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SettingsReader) private readonly reader: SettingsReader,
  ) {}

  @Get()
  @Access({ action: 'read', subject: 'Proposal' })
  @ApiOkResponse({ type: [SettingViewDto] })
  async coop(@CurrentPrincipal() caller: Caller): Promise<SettingView[]> {
    const coopId = coopOf(caller);
    const current = await this.reader.coop(coopId);
    return this.db.read(async (manager) => {
      const versions = await settingVersions(manager, 'coop', coopId);
      const ids = [...new Set(versions.map((v) => v.proposalId).filter((id): id is string => id !== null))];
      const titles = ids.length
        ? await manager.find(Proposal, {
            where: { coopId, id: In(ids) },
            select: { id: true, title: true, coopId: true },
          })
        : [];
      return settingsOfScope('coop').map((def) => {
        const mine = versions.filter((v) => v.key === def.key);
        const history: SettingVersionView[] = [
          {
            version: 0,
            value: SETTINGS_CATALOGUE[def.key].default,
            effectiveAt: '',
            proposalId: null,
            proposalTitle: null,
            source: 'initial',
          },
          ...mine.map((v) => ({
            version: v.version,
            value: v.value as SettingValue,
            effectiveAt: v.effectiveAt.toISOString(),
            proposalId: v.proposalId,
            proposalTitle: titles.find((t) => t.id === v.proposalId)?.title ?? null,
            source: v.source,
          })),
        ];
        return {
          key: def.key,
          scope: 'coop' as const,
          value: current[def.key as keyof typeof current],
          version: mine.at(-1)?.version ?? 0,
          history: history.reverse(),
        };
      });
    });
  }

  @Get('federation')
  @Access({ action: 'read', subject: 'Proposal' })
  @ApiOkResponse({ type: [SettingViewDto] })
  async federation(): Promise<SettingView[]> {
    const current = await this.reader.federation();
    return this.db.readPlatform(async (manager) => {
      const versions = await settingVersions(manager, 'federation', null);
      return settingsOfScope('federation').map((def) => {
        const mine = versions.filter((v) => v.key === def.key);
        return {
          key: def.key,
          scope: 'federation' as const,
          value: current[def.key as keyof typeof current],
          version: mine.at(-1)?.version ?? 0,
          history: mine
            .map((v) => ({
              version: v.version,
              value: v.value as SettingValue,
              effectiveAt: v.effectiveAt.toISOString(),
              proposalId: v.proposalId,
              proposalTitle: null,
              source: v.source,
            }))
            .reverse(),
        };
      });
    });
  }
}
