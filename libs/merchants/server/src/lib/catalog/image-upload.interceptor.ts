import { MAX_IMAGE_BYTES, imageUploadInterceptor } from '@federacycle/platform-storage';

/** A product's image: one part `image`, at most 2 MB (platform storage's upload interceptor). */
export const ImageUploadInterceptor = imageUploadInterceptor({
  field: 'image',
  maxBytes: MAX_IMAGE_BYTES,
  noun: 'image',
});
