import {
  HttpException,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { ApiException } from '@federacycle/platform-http';
import { MAX_STATUTES_BYTES } from '../statutes/pdf-sniffer';
import { ApplicationAbuseLimits } from './application-abuse';

/** Multipart limits of the application form: one file (statutes), one text part (application). */
export const STATUTES_UPLOAD_LIMITS = {
  // one byte above the limit, so that the content check names the problem (STATUTES_TOO_LARGE)
  fileSize: MAX_STATUTES_BYTES + 1,
  files: 1,
  fields: 4,
  fieldSize: 64 * 1024,
  parts: 6,
};

const MulterStatutes = FileInterceptor('statutes', {
  limits: STATUTES_UPLOAD_LIMITS,
});

/**
 * Parses the multipart application (field `application` = JSON text, file `statutes`) with
 * multer in memory, and renders multer's refusals with stable codes: 413 STATUTES_TOO_LARGE for
 * a file above 10 MB, 400 VALIDATION_FAILED (field `statutes`) for an unexpected file part or too
 * many parts. Before reading a multipart body it counts the application against its client IP
 * (429 RATE_LIMITED with Retry-After once over), so a throttled client's 10 MB is never buffered.
 */
@Injectable()
export class StatutesUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterStatutes();

  constructor(@Inject(ApplicationAbuseLimits) private readonly limits: ApplicationAbuseLimits) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<{
      is(type: string): string | false | null;
      ip?: string;
      socket?: { remoteAddress?: string };
    }>();
    if (!request.is('multipart/form-data')) {
      throw new ApiException(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the application as multipart/form-data: part `application` (JSON) and part `statutes` (PDF)',
      );
    }
    await this.limits.consume('application:ip', request.ip ?? request.socket?.remoteAddress ?? 'unknown');
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof ApiException) throw error;
      if (error instanceof HttpException) {
        if (error.getStatus() === 413) {
          throw new ApiException(
            413,
            'STATUTES_TOO_LARGE',
            `The statutes file must not exceed ${MAX_STATUTES_BYTES / (1024 * 1024)} MB.`,
            [
              {
                field: 'statutes',
                code: 'STATUTES_TOO_LARGE',
                message: 'The statutes file is too large.',
              },
            ],
          );
        }
        throw ApiException.validation(
          [
            {
              field: 'statutes',
              code: 'MULTIPART_INVALID',
              message: error.message,
            },
          ],
          'The multipart body is invalid: send `application` and one `statutes` file',
        );
      }
      throw error;
    }
  }
}
