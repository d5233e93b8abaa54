import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FederationModule, FederationWorkerModule, SettingsModule } from '@federacycle/federation-server';
import { IDENTITY_ENTITIES, MailService } from '@federacycle/identity-server';
import { CollegesController } from './colleges/colleges.controller';
import { CollegesService } from './colleges/colleges.service';
import { EnactmentService } from './enactment/enactment.service';
import { GovernanceMailer } from './enactment/governance-mailer';
import { GOVERNANCE_QUEUE } from './enactment/governance.jobs';
import { GovernanceProcessor } from './enactment/governance.processor';
import { GOVERNANCE_ENTITIES } from './governance.entities';
import { DelegatesController, FederationProposalsController } from './federation/federation-proposals.controller';
import { FederationProposalsService } from './federation/federation-proposals.service';
import { ProposalsController } from './proposals/proposals.controller';
import { ProposalsService } from './proposals/proposals.service';
import { CoopSettingsController } from './settings/coop-settings.controller';
import { VotingService } from './voting/voting.service';

/**
 * The governance domain (HTTP API): proposals, votes, proxies, the settings page. Needs the host
 * app's global ConfigModule, DatabaseModule and RedisModule; the clock and the settings reader
 * come from the federation (one instance each per app).
 */
@Module({
  imports: [TypeOrmModule.forFeature(GOVERNANCE_ENTITIES), FederationModule, SettingsModule],
  controllers: [
    ProposalsController,
    CoopSettingsController,
    FederationProposalsController,
    DelegatesController,
    CollegesController,
  ],
  providers: [ProposalsService, VotingService, FederationProposalsService, CollegesService],
  exports: [ProposalsService, VotingService, FederationProposalsService],
})
export class GovernanceModule {}

/** What the worker needs of governance: its queue, the enactment and the processor. */
@Module({
  imports: [
    BullModule.registerQueue({ name: GOVERNANCE_QUEUE }),
    TypeOrmModule.forFeature(GOVERNANCE_ENTITIES),
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    FederationWorkerModule,
    SettingsModule,
  ],
  providers: [MailService, GovernanceMailer, EnactmentService, FederationProposalsService, GovernanceProcessor],
  exports: [EnactmentService, FederationProposalsService],
})
export class GovernanceWorkerModule {}
