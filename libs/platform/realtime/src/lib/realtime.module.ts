import { Global, Module } from '@nestjs/common';
import { RealtimeHub, RealtimePublisher } from './realtime.service';

/**
 * The real-time fan-out (global): `RealtimePublisher` for any process that writes (API, worker),
 * `RealtimeHub` for the API's streams. Needs the host's ConfigModule and RedisModule.
 */
@Global()
@Module({
  providers: [RealtimePublisher, RealtimeHub],
  exports: [RealtimePublisher, RealtimeHub],
})
export class RealtimeModule {}
