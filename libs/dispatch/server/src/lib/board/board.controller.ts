import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { BoardView } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { Access, CurrentPrincipal, coopOf, type Caller } from '@federacycle/platform-http';
import { RealtimeHub, coopChannel, streamEvents } from '@federacycle/platform-realtime';
import { BoardQueryDto, BoardStreamQueryDto, BoardViewDto } from './board.dto';
import { BoardService } from './board.service';

const READ_DISPATCH = { action: 'read', subject: 'Dispatch' } as const;

/** The dispatch board: a day's snapshot, and the coop's live events that keep it current. */
@ApiTags('dispatch')
@Controller('api/dispatch/board')
export class BoardController {
  constructor(
    @Inject(BoardService) private readonly board: BoardService,
    @Inject(RealtimeHub) private readonly hub: RealtimeHub,
    @Inject(Database) private readonly db: Database,
  ) {}

  @Get()
  @Access(READ_DISPATCH)
  @ApiOkResponse({ type: BoardViewDto })
  read(@CurrentPrincipal() caller: Caller, @Query() query: BoardQueryDto): Promise<BoardView> {
    return this.board.read(coopOf(caller), {
      date: query.date,
      zoneId: query.zoneId ?? null,
      merchantId: query.merchantId ?? null,
      state: query.state ?? null,
      lateOnly: query.late === 'true',
    });
  }

  /**
   * Server-Sent Events of the caller's coop (tasks changed, deliveries created, couriers moved),
   * from whichever replica wrote them. The console reads it with fetch(), bearer token and all.
   */
  @Get('stream')
  @Access(READ_DISPATCH)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream: `ready`, then the coop’s events; heartbeat comments' })
  async stream(
    @CurrentPrincipal() caller: Caller,
    @Query() _query: BoardStreamQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const coopId = coopOf(caller);
    // the session check a read does with its first unit of work: a stream has none, so run it now
    await this.db.verifyPrecondition();
    await streamEvents(req, res, this.hub, [coopChannel(coopId)]);
  }
}
