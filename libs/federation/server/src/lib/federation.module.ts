import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IDENTITY_ENTITIES, MailService } from '@federacycle/identity-server';
import { ApplicationAbuseLimits } from './applications/application-abuse';
import { ApplicationStatusTokens } from './applications/application-status-token';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { PublicApplicationsController } from './applications/public-applications.controller';
import { StatutesUploadInterceptor } from './applications/statutes-upload.interceptor';
import { ApproveApplicationUseCase } from './applications/usecases/approve-application/approve-application.usecase';
import { DecideApplicationUseCase } from './applications/usecases/decide-application/decide-application.usecase';
import { SubmitApplicationUseCase } from './applications/usecases/submit-application/submit-application.usecase';
import { COMPLIANCE_QUEUE } from './compliance/compliance.jobs';
import { ComplianceProcessor } from './compliance/compliance.processor';
import { ComplianceService } from './compliance/compliance.service';
import { CoopExportController } from './coops/coop-export.controller';
import { CoopExportService } from './coops/coop-export.service';
import { CoopLifecycleService } from './coops/coop-lifecycle.service';
import { CoopsController } from './coops/coops.controller';
import { OffboardCoopUseCase } from './coops/usecases/offboard-coop/offboard-coop.usecase';
import { FEDERATION_ENTITIES } from './federation.entities';
import { CoopLicenceController } from './licences/coop-licence.controller';
import { LicenceKeysService } from './licences/licence-keys.service';
import { LicencesController } from './licences/licences.controller';
import { LicencesService } from './licences/licences.service';
import { PublicLicencesController } from './licences/public-licences.controller';
import { FederationMailer } from './mail/federation-mailer';
import { FederationSettingsController } from './settings/federation-settings.controller';
import { FederationSettingsService } from './settings/federation-settings.service';
import { SettingsModule } from './settings/settings.module';
import { CLOCK, clockFromEnvironment } from './shared/clock';
import { CapabilityGuard } from './standing/capability.guard';
import { StandingController } from './standing/standing.controller';
import { StandingService } from './standing/standing.service';
import { StorefrontController } from './storefront/storefront.controller';
import { StorefrontService } from './storefront/storefront.service';

/**
 * Federation onboarding and the cooperative-only licence (HTTP API). Needs the global
 * ConfigModule and DatabaseModule of the host app, the Redis provider, and the identity module's
 * global access guard. Exports the licence guard (`@RequiresCapability`) and `StandingService` for
 * the operational modules (orders, partner API, dispatch): import FederationModule there.
 */
@Module({
  imports: [TypeOrmModule.forFeature(FEDERATION_ENTITIES), SettingsModule],
  controllers: [
    PublicApplicationsController,
    ApplicationsController,
    CoopsController,
    CoopExportController,
    PublicLicencesController,
    LicencesController,
    CoopLicenceController,
    StandingController,
    StorefrontController,
    FederationSettingsController,
  ],
  providers: [
    { provide: CLOCK, useFactory: () => clockFromEnvironment() },
    MailService,
    FederationMailer,
    FederationSettingsService,
    LicenceKeysService,
    LicencesService,
    StandingService,
    CapabilityGuard,
    ApplicationStatusTokens,
    ApplicationAbuseLimits,
    ApplicationsService,
    SubmitApplicationUseCase,
    DecideApplicationUseCase,
    ApproveApplicationUseCase,
    CoopLifecycleService,
    OffboardCoopUseCase,
    CoopExportService,
    ComplianceService,
    StorefrontService,
    StatutesUploadInterceptor,
  ],
  exports: [CLOCK, StandingService, CapabilityGuard, LicencesService, ComplianceService, SettingsModule],
})
export class FederationModule {}

/**
 * What the worker needs of the federation: the daily compliance check (no controllers, no keys):
 * its queue and processor, composed by apps/worker next to the other domains' worker modules.
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: COMPLIANCE_QUEUE }),
    TypeOrmModule.forFeature(FEDERATION_ENTITIES),
    // the worker has no IdentityModule: the identity entities federation reads (memberships for the
    // compliance check) and relates to (users) are registered here
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    SettingsModule,
  ],
  providers: [
    { provide: CLOCK, useFactory: () => clockFromEnvironment() },
    MailService,
    FederationMailer,
    ComplianceService,
    ComplianceProcessor,
  ],
  exports: [CLOCK, ComplianceService, SettingsModule],
})
export class FederationWorkerModule {}
