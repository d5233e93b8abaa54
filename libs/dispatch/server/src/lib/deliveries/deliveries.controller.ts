import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  DeliveryProofView,
  DeliverySearch,
  DeliverySummaryView,
  DeliveryView,
  Page,
  TaskEventView,
  TaskView,
} from '@federacycle/contracts';
import {
  Access,
  CurrentPrincipal,
  UuidPipe,
  coopOf,
  idempotencyKeyOf,
  pageOf,
  replyIdempotent,
  type Caller,
  type ReplyHeaders,
} from '@federacycle/platform-http';
import { DeliveryProofsService } from '../courier/delivery-proofs.service';
import { sendProofImage, type ImageRequest, type ImageResponse } from '../courier/proof-image';
import {
  CreateDeliveryDto,
  DeliveriesQueryDto,
  DeliveryProofListDto,
  DeliveryPageDto,
  DeliverySearchDto,
  DeliveryViewDto,
  EmptyBodyDto,
  RescheduleDto,
  TaskActionDto,
  TaskEventListDto,
  TaskViewDto,
} from './deliveries.dto';
import { DeliveriesService } from './deliveries.service';
import { csvHeader, csvRows } from './search/delivery-csv';

/** The filters of a list or export query, without its page. */
function searchOf(query: DeliverySearchDto): DeliverySearch {
  const { state, from, to, merchantId, courierId, address } = query;
  return { state, from, to, merchantId, courierId, address };
}

/** The Deliveries page's CSV export of its filtered list. */
@ApiTags('dispatch')
@Controller('api/dispatch')
export class DeliveriesExportController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  @Get('deliveries.csv')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the filtered deliveries, newest first, as CSV (UTF-8, CRLF)' })
  async csv(@CurrentPrincipal() caller: Caller, @Query() query: DeliverySearchDto): Promise<StreamableFile> {
    const batches = this.deliveries.exportRows(coopOf(caller), searchOf(query));
    // the first batch is read here, in the request: a bad filter or a refused session answers
    // with its error code before any byte of CSV is sent
    const first = await batches.next();
    const out = new PassThrough();
    out.write(csvHeader());
    const pump = async (): Promise<void> => {
      if (!first.done) out.write(csvRows(first.value));
      for (let next = first.done ? null : await batches.next(); next && !next.done; next = await batches.next()) {
        if (!out.write(csvRows(next.value))) await once(out, 'drain');
      }
      out.end();
    };
    pump().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(out, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="deliveries-${day}.csv"`,
    });
  }
}

/** Deliveries as dispatchers manage them (coop admins read them). */
@ApiTags('dispatch')
@Controller('api/dispatch/deliveries')
export class DeliveriesController {
  constructor(
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
    @Inject(DeliveryProofsService) private readonly proofs: DeliveryProofsService,
  ) {}

  @Get()
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@CurrentPrincipal() caller: Caller, @Query() query: DeliveriesQueryDto): Promise<Page<DeliverySummaryView>> {
    const { limit, offset } = pageOf(query);
    return this.deliveries.list(coopOf(caller), searchOf(query), limit, offset);
  }

  /** Honours `Idempotency-Key` (per person): the same key and body answer the first delivery again. */
  @Post()
  @HttpCode(201)
  @Access({ action: 'create', subject: 'Delivery' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key + same body → the same answer (24 h)' })
  @ApiCreatedResponse({ type: DeliveryViewDto })
  async create(
    @CurrentPrincipal() caller: Caller,
    @Body() body: CreateDeliveryDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: ReplyHeaders,
  ): Promise<DeliveryView> {
    const result = await this.deliveries.createOnce(
      {
        reference: body.reference,
        merchantId: body.merchantId,
        timeSlotId: body.timeSlotId,
        tasks: body.tasks,
        source: 'console',
      },
      { caller: `user:${caller.userId}`, key: idempotencyKeyOf(key), route: 'POST /api/dispatch/deliveries', body },
    );
    replyIdempotent(response, result);
    return result.body;
  }

  @Get(':id')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: DeliveryViewDto })
  get(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<DeliveryView> {
    return this.deliveries.get(coopOf(caller), id);
  }

  @Get(':id/events')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: TaskEventListDto })
  async events(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
  ): Promise<{ items: TaskEventView[] }> {
    return { items: await this.deliveries.events(coopOf(caller), id) };
  }

  /** The proofs couriers collected on the delivery's tasks (photos, drawn signatures). */
  @Get(':id/proofs')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: DeliveryProofListDto })
  async proofList(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
  ): Promise<{ items: DeliveryProofView[] }> {
    return { items: await this.proofs.list(coopOf(caller), id) };
  }

  /** One proof's image, by the delivery it belongs to. */
  @Get(':id/proofs/:proofId')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'the image', schema: { type: 'string', format: 'binary' } })
  async proofImage(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Param('proofId', UuidPipe) proofId: string,
    @Req() request: ImageRequest,
    @Res() response: ImageResponse,
  ): Promise<void> {
    sendProofImage(request, response, await this.proofs.image(coopOf(caller), id, proofId));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Delivery' })
  @ApiOkResponse({ type: DeliveryViewDto })
  cancel(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<DeliveryView> {
    return this.deliveries.cancel(coopOf(caller), id, 'console');
  }
}

/** One task's lifecycle, by a dispatcher. */
@ApiTags('dispatch')
@Controller('api/dispatch/tasks')
export class TasksController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  @Post(':id/actions')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Delivery' })
  @ApiOkResponse({ type: TaskViewDto })
  act(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: TaskActionDto,
  ): Promise<TaskView> {
    return this.deliveries.act(coopOf(caller), id, body, { kind: 'dispatcher' }, 'console');
  }

  @Post(':id/reschedule')
  @HttpCode(201)
  @Access({ action: 'update', subject: 'Delivery' })
  @ApiCreatedResponse({ type: TaskViewDto, description: 'the new attempt' })
  reschedule(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: RescheduleDto,
  ): Promise<TaskView> {
    return this.deliveries.reschedule(coopOf(caller), id, body, 'console');
  }
}

/** A courier's own tasks: only those assigned to them; any other task id answers 404. */
@ApiTags('dispatch (courier)')
@Controller('api/dispatch/me/tasks')
export class OwnTasksController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  @Get()
  @Access({ action: 'read', subject: 'OwnTask' })
  @ApiOkResponse({ type: TaskViewDto, isArray: true })
  async list(@CurrentPrincipal() caller: Caller): Promise<{ items: TaskView[] }> {
    return { items: await this.deliveries.ownTasks(coopOf(caller), caller.userId) };
  }

  @Post(':id/actions')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'OwnTask' })
  @ApiOkResponse({ type: TaskViewDto })
  act(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: TaskActionDto,
  ): Promise<TaskView> {
    return this.deliveries.act(coopOf(caller), id, body, { kind: 'courier', userId: caller.userId }, 'courier_app');
  }
}
