import {
  HttpException,
  Injectable,
  mixin,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { ApiException } from '@federacycle/platform-http';

export interface ImageUploadOptions {
  /** the multipart file part's name */
  field: string;
  /** the largest image accepted, in bytes */
  maxBytes: number;
  /** what the image is, in messages ("image", "proof image") */
  noun: string;
}

/**
 * An interceptor that parses a multipart upload with one file part `field` in memory (at most
 * `maxBytes` + 1 byte is buffered, so the content check can name the problem) and renders
 * multer's refusals with stable codes: 413 IMAGE_TOO_LARGE above the limit, 400
 * VALIDATION_FAILED for other parts; a body that is not multipart is 415. Product images and
 * proofs of delivery use it with their own part name and limit.
 */
export function imageUploadInterceptor(options: ImageUploadOptions): Type<NestInterceptor> {
  const { field, maxBytes, noun } = options;
  const Multer = FileInterceptor(field, { limits: { fileSize: maxBytes + 1, files: 1, fields: 0, parts: 1 } });

  @Injectable()
  class ImageUpload implements NestInterceptor {
    private readonly multer = new Multer();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<{ is(type: string): string | false | null }>();
      if (!request.is('multipart/form-data')) {
        throw new ApiException(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `Send the ${noun} as multipart/form-data, in a part named \`${field}\``,
        );
      }
      try {
        return await this.multer.intercept(context, next);
      } catch (error) {
        if (error instanceof ApiException) throw error;
        if (error instanceof HttpException) {
          if (error.getStatus() === 413) {
            throw new ApiException(
              413,
              'IMAGE_TOO_LARGE',
              `The ${noun} must not exceed ${maxBytes / (1024 * 1024)} MB`,
              [{ field, code: 'IMAGE_TOO_LARGE', message: 'The image is too large' }],
            );
          }
          throw ApiException.validation(
            [{ field, code: 'MULTIPART_INVALID', message: error.message }],
            `The multipart body is invalid: send one file part named \`${field}\``,
          );
        }
        throw error;
      }
    }
  }
  return mixin(ImageUpload);
}
