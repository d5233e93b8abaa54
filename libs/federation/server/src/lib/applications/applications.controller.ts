import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ApplicationView, Page } from '@federacycle/contracts';
import { Access, UuidPipe } from '@federacycle/platform-http';
import { DecisionDto } from '../shared/decision.dto';
import { ApplicationPageDto, ApplicationViewDto, ApplicationsQueryDto } from './applications.dto';
import { ApplicationsService } from './applications.service';
import { ApproveApplicationUseCase } from './usecases/approve-application/approve-application.usecase';
import { DecideApplicationUseCase } from './usecases/decide-application/decide-application.usecase';

const APPLICATION = { action: 'manage', subject: 'Application' } as const;

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

/** The federation admin's application queue and decisions. */
@ApiTags('federation (admin)')
@Controller('api/federation/applications')
export class ApplicationsController {
  constructor(
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(DecideApplicationUseCase) private readonly decisions: DecideApplicationUseCase,
    @Inject(ApproveApplicationUseCase) private readonly approval: ApproveApplicationUseCase,
  ) {}

  @Get()
  @Access(APPLICATION)
  @ApiOkResponse({ type: ApplicationPageDto })
  list(@Query() query: ApplicationsQueryDto): Promise<Page<ApplicationView>> {
    return this.applications.list(query);
  }

  @Get(':id')
  @Access(APPLICATION)
  @ApiOkResponse({ type: ApplicationViewDto })
  get(@Param('id', UuidPipe) id: string): Promise<ApplicationView> {
    return this.applications.get(id);
  }

  @Get(':id/statutes')
  @Access(APPLICATION)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the statutes PDF', schema: { type: 'string', format: 'binary' } })
  async statutes(
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<StreamableFile> {
    const file = await this.applications.statutes(id);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.name}"`,
      length: file.content.length,
    });
  }

  @Post(':id/start-review')
  @Access(APPLICATION)
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationViewDto })
  startReview(@Param('id', UuidPipe) id: string, @Body() body: DecisionDto): Promise<ApplicationView> {
    return this.decisions.startReview(id, body.reason);
  }

  @Post(':id/approve')
  @Access(APPLICATION)
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationViewDto })
  approve(@Param('id', UuidPipe) id: string, @Body() body: DecisionDto): Promise<ApplicationView> {
    return this.approval.approve(id, body.reason);
  }

  @Post(':id/reject')
  @Access(APPLICATION)
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationViewDto })
  reject(@Param('id', UuidPipe) id: string, @Body() body: DecisionDto): Promise<ApplicationView> {
    return this.decisions.reject(id, body.reason);
  }
}
