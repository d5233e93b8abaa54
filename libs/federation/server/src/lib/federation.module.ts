import { Module } from '@nestjs/common';
import { MailService } from '@federacycle/identity-server';
import { ApplicationsService } from './applications/applications.service';
import { ComplianceService } from './compliance/compliance.service';
import { CoopExportService } from './coops/coop-export.service';
import { CoopLifecycleService } from './coops/coop-lifecycle.service';
import { CoopFederationController } from './http/coop-federation.controller';
import { FederationAdminController } from './http/federation-admin.controller';
import { FederationPublicController } from './http/public.controller';
import { StatutesUploadInterceptor } from './http/statutes-upload.interceptor';
import { CapabilityGuard } from './nest/capability.guard';
import { CLOCK, SystemClock } from './nest/clock';
import { COOP_ADMIN_INVITER, TransactionalCoopAdminInviter } from './nest/coop-admin-inviter';
import { FederationMailer } from './nest/federation-mailer';
import { FederationSettingsService } from './nest/federation-settings.service';
import { LicenceKeysService } from './nest/licence-keys.service';
import { LicencesService } from './nest/licences.service';
import { StandingService } from './nest/standing.service';

/**
 * Federation onboarding and the cooperative-only licence (HTTP API). Needs the global
 * ConfigModule and DatabaseModule of the host app, and the identity module's global access guard.
 * Exports the licence guard (`@RequiresCapability`) and `StandingService` for the operational
 * modules (orders, partner API, dispatch): import FederationModule there.
 */
@Module({
  controllers: [FederationPublicController, FederationAdminController, CoopFederationController],
  providers: [
    { provide: CLOCK, useClass: SystemClock },
    { provide: COOP_ADMIN_INVITER, useClass: TransactionalCoopAdminInviter },
    MailService,
    FederationMailer,
    FederationSettingsService,
    LicenceKeysService,
    LicencesService,
    StandingService,
    CapabilityGuard,
    ApplicationsService,
    CoopLifecycleService,
    CoopExportService,
    ComplianceService,
    StatutesUploadInterceptor,
  ],
  exports: [CLOCK, StandingService, CapabilityGuard, LicencesService, ComplianceService],
})
export class FederationModule {}

/**
 * What the worker needs of the federation: the daily compliance check (no controllers, no keys).
 */
@Module({
  providers: [{ provide: CLOCK, useClass: SystemClock }, MailService, FederationMailer, ComplianceService],
  exports: [CLOCK, ComplianceService],
})
export class FederationWorkerModule {}
