import { createIntl } from '@formatjs/intl';
import hindiCommon from '../../../src/i18n/messages/hi/tab-common.json';
import { ApiError } from '../../../tab/src/api/api-error';
import { apiErrorWords } from '../../../tab/src/api/error-words';

/** The tab words an API refusal by its code, in the reader's language, as the server's errorWords does. */
const intlWith = (messages: Record<string, string>, locale = 'en') =>
  createIntl({ locale, defaultLocale: 'en', messages, onError: () => {} });

describe("the tab's words for an error", () => {
  it('when the catalogue has the code, then its message is shown, filled from the details', () => {
    const intl = intlWith({ 'errors.GROUP_NAME_TAKEN': '“{name}” पहले से इस्तेमाल में है।' }, 'hi');
    const refusal = new ApiError(409, 'GROUP_NAME_TAKEN', 'A group named “Drivers” exists.', {
      name: 'Drivers',
    });
    expect(apiErrorWords(refusal, intl)).toBe('“Drivers” पहले से इस्तेमाल में है।');
  });

  it('when the catalogue lacks the code, then the API’s own message is shown', () => {
    const refusal = new ApiError(409, 'SOMETHING_NEW', 'Something new went wrong.');
    expect(apiErrorWords(refusal, intlWith({}, 'hi'))).toBe('Something new went wrong.');
  });

  it('when Convene cannot be reached, then the tab says so in the reader’s language', () => {
    const offline = new ApiError(0, 'NETWORK', 'Convene cannot be reached.');
    expect(apiErrorWords(offline, intlWith(hindiCommon, 'hi'))).toBe(hindiCommon['tab-common.error.network']);
  });

  it('when the server answers with a bare status, then the status is in the words', () => {
    const odd = new ApiError(502, 'HTTP_ERROR', 'The server answered 502.');
    expect(apiErrorWords(odd, intlWith(hindiCommon, 'hi'))).toBe('सर्वर ने 502 लौटाया।');
  });
});
