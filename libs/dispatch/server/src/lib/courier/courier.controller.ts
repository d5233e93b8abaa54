import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CourierActionResult, ProofPolicyView, TaskProofView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, coopOf, type Caller } from '@federacycle/platform-http';
import {
  CourierActionDto,
  CourierActionResultDto,
  ProofPolicyViewDto,
  ProofQueryDto,
  TaskProofViewDto,
} from './courier.dto';
import { CourierService } from './courier.service';
import { ProofUploadInterceptor } from './proof-upload.interceptor';

const READ_OWN = { action: 'read', subject: 'OwnTask' } as const;
const UPDATE_OWN = { action: 'update', subject: 'OwnTask' } as const;

/**
 * The courier app: the caller's steps on their own tasks (idempotent by the device's id), the
 * proofs they collect, and what the coop's policy asks for. Any task not theirs answers 404.
 */
@ApiTags('dispatch (courier)')
@Controller('api/dispatch/me')
export class CourierController {
  constructor(@Inject(CourierService) private readonly courier: CourierService) {}

  @Get('proof-policy')
  @Access(READ_OWN)
  @ApiOkResponse({ type: ProofPolicyViewDto })
  proofPolicy(@CurrentPrincipal() caller: Caller): Promise<ProofPolicyView> {
    return this.courier.proofPolicy(coopOf(caller));
  }

  /** start, picked up, delivered or failed: the same clientActionId synced again answers the same. */
  @Post('actions')
  @HttpCode(200)
  @Access(UPDATE_OWN)
  @ApiOkResponse({ type: CourierActionResultDto })
  act(@CurrentPrincipal() caller: Caller, @Body() body: CourierActionDto): Promise<CourierActionResult> {
    return this.courier.act(coopOf(caller), caller.userId, body);
  }

  /** A photo or drawn signature (JPEG, PNG or WebP by its bytes, ≤ 5 MB, part `file`) under the device's id. */
  @Put('tasks/:id/proofs/:proofId')
  @HttpCode(200)
  @Access(UPDATE_OWN)
  @UseInterceptors(ProofUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: TaskProofViewDto })
  putProof(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) taskId: string,
    @Param('proofId', UuidPipe) proofId: string,
    @Query() query: ProofQueryDto,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<TaskProofView> {
    return this.courier.putProof(coopOf(caller), caller.userId, taskId, proofId, query.kind, file?.buffer);
  }
}
