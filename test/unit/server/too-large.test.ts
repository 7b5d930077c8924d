import { ResourceTooLarge } from '../../../src/domain/rollout/rollout.errors';
import { TooLarge } from '../../../src/domain/shared/too-large';
import { UploadTooLarge } from '../../../src/domain/uploads/upload.errors';
import { toHttpError } from '../../../src/server/http-errors';

/** Whatever was too large, the caller gets one status (413) and one shape (`details.limitBytes`). */
describe('too large', () => {
  test.each([
    [
      'a bulk upload file',
      new UploadTooLarge(50 * 1024 * 1024),
      'UPLOAD_TOO_LARGE',
      'The file is larger than the 50 MB limit',
    ],
    [
      'a rollout resource',
      new ResourceTooLarge(25 * 1024 * 1024),
      'RESOURCE_TOO_LARGE',
      'The file is larger than the 25 MB limit',
    ],
  ])(
    'when %s is over its limit, then the answer is 413 with its code, the limit in words and in bytes',
    (_what, error, code, words) => {
      expect(error).toBeInstanceOf(TooLarge);
      const { status, body } = toHttpError(error);
      expect(status).toBe(413);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toContain(words);
      expect(body.error.details).toEqual({ limitBytes: error.limitBytes });
    },
  );
});
