import { redactPath, redactText } from '../../../src/infra/logging/redact';

const token = 'AbCdEfGhIjKlMnOpQrStUv';

describe('redacting invite tokens from what is logged', () => {
  test.each([
    [`/join/${token}`, '/join/[redacted]'],
    [`/join/${token}/preview.png?size=2`, '/join/[redacted]/preview.png'],
    // The join pages' language switcher links to the same page with `?lang=`.
    [`/join/${token}?lang=ar`, '/join/[redacted]'],
    [`/join/${token}/welcome?lang=hi`, '/join/[redacted]/welcome'],
    [`/rollout/poster?invite=https%3A%2F%2Fx%2Fjoin%2F${token}&format=png`, '/rollout/poster'],
    ['/api/v1/groups/42?x=1#frag', '/api/v1/groups/42'],
    ['/healthz', '/healthz'],
    [`/join/x/../${token}`, '/join/[redacted]/../[redacted]'],
    [`/rollout/slideshow/${token}/next`, '/rollout/slideshow/[redacted]/next'],
  ])('when the path is %s, then the log says %s', (path, logged) => {
    expect(redactPath(path)).toBe(logged);
  });

  test('when an error message quotes full URLs and paths, then their tokens and query strings are gone and the words stay', () => {
    const message = `fetch https://convene.contoso.com/join/${token} failed; retried /rollout/slideshow?invite=${token} twice`;
    const redacted = redactText(message);
    expect(redacted).toBe(
      'fetch https://convene.contoso.com/join/[redacted] failed; retried /rollout/slideshow twice',
    );
    expect(redacted).not.toContain(token);
  });
});
