import {
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { MAX_PROOF_BYTES } from '@federacycle/contracts';
import { ApiException } from '@federacycle/platform-http';

const MulterProof = FileInterceptor('file', {
  // one byte above the limit, so that the content check names the problem (IMAGE_TOO_LARGE)
  limits: { fileSize: MAX_PROOF_BYTES + 1, files: 1, fields: 0, parts: 1 },
});

/**
 * Parses a multipart upload with one file part `file` in memory (at most 5 MB + 1 byte is
 * buffered) and renders multer's refusals with stable codes: 413 IMAGE_TOO_LARGE above the limit,
 * 400 VALIDATION_FAILED for other parts; a body that is not multipart is 415.
 */
@Injectable()
export class ProofUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterProof();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<{ is(type: string): string | false | null }>();
    if (!request.is('multipart/form-data')) {
      throw new ApiException(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the proof as multipart/form-data, in a part named `file`',
      );
    }
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof ApiException) throw error;
      if (error instanceof HttpException) {
        if (error.getStatus() === 413) {
          throw new ApiException(413, 'IMAGE_TOO_LARGE', 'A proof image must not exceed 5 MB', [
            { field: 'file', code: 'IMAGE_TOO_LARGE', message: 'The image is too large' },
          ]);
        }
        throw ApiException.validation(
          [{ field: 'file', code: 'MULTIPART_INVALID', message: error.message }],
          'The multipart body is invalid: send one file part named `file`',
        );
      }
      throw error;
    }
  }
}
