import { Module } from '@nestjs/common';
import { SettingsReader } from './settings-reader';

/**
 * The settings reader, one per process: import this module wherever settings are read (the
 * federation's modules, governance, later dispatch and ordering); Nest shares its instance.
 * Needs the host app's DatabaseModule and RedisModule.
 */
@Module({
  providers: [SettingsReader],
  exports: [SettingsReader],
})
export class SettingsModule {}
