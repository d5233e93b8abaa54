import { MAX_PROOF_BYTES } from '@federacycle/contracts';
import { imageUploadInterceptor } from '@federacycle/platform-storage';

/** A proof of delivery (photo or signature): one part `file`, at most 5 MB. */
export const ProofUploadInterceptor = imageUploadInterceptor({
  field: 'file',
  maxBytes: MAX_PROOF_BYTES,
  noun: 'proof image',
});
