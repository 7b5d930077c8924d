import { PhoneInvalid, RegionInvalid } from '../../../src/domain/people/phone.errors';
import { parseRegion, regionOfPhone, splitPhoneList, toE164 } from '../../../src/domain/people/phone-number';

describe('toE164', () => {
  test.each([
    ['9988554401', 'IN', '+919988554401'],
    ['99885 54401', 'IN', '+919988554401'],
    ['+91 99885-54401', 'US', '+919988554401'],
    ['0091 9988554401', 'GB', '+919988554401'],
    ['07911 123456', 'GB', '+447911123456'],
    ['(201) 555-0123', 'US', '+12015550123'],
  ])('when "%s" is read in %s, then it becomes %s', (input, region, expected) => {
    expect(toE164(input, parseRegion(region))).toBe(expected);
  });

  test.each([
    ['12', 'IN', 'too-short'],
    ['99885544011234567', 'IN', 'too-long'],
    ['abc', 'IN', 'not-a-number'],
    ['', 'IN', 'not-a-number'],
    ['98765 4321O', 'IN', 'not-a-number'],
    ['+91 2012345678', 'IN', 'not-valid-for-region'],
    ['07700 900123', 'GB', 'not-valid-for-region'],
  ])('when "%s" is read in %s, then it is refused as %s', (input, region, problem) => {
    const attempt = () => toE164(input, parseRegion(region));
    expect(attempt).toThrow(PhoneInvalid);
    try {
      attempt();
    } catch (error) {
      expect((error as PhoneInvalid).problem).toBe(problem);
      expect((error as PhoneInvalid).code).toBe('PHONE_INVALID');
      expect((error as PhoneInvalid).message).toContain(`region ${region}`);
    }
  });

  test('when a number is valid in one region only, then the region decides', () => {
    expect(toE164('2015550123', parseRegion('US'))).toBe('+12015550123');
    expect(() => toE164('2015550123', parseRegion('IN'))).toThrow(PhoneInvalid);
  });
});

describe('parseRegion', () => {
  test.each([
    ['in', 'IN'],
    [' gb ', 'GB'],
  ])('when "%s" is given, then the region is %s', (input, expected) => {
    expect(parseRegion(input)).toBe(expected);
  });

  test.each(['XX', 'IND', '', '1N'])(
    'when "%s" is given, then it is refused with REGION_INVALID',
    (input) => {
      expect(() => parseRegion(input)).toThrow(RegionInvalid);
    },
  );
});

describe('splitPhoneList', () => {
  test('when numbers are pasted with commas, semicolons and new lines, then each is one entry', () => {
    expect(splitPhoneList('9988554401, 9988554402,12;\n 99885 54403 ,,')).toEqual([
      '9988554401',
      '9988554402',
      '12',
      '99885 54403',
    ]);
  });
});

describe('regionOfPhone', () => {
  test.each([
    ['+919988554401', 'IN'],
    ['+8801712345678', 'BD'],
    ['+33612345678', 'FR'],
    ['+12025550143', 'US'],
    ['+14165550123', 'CA'],
    ['+441534123456', 'JE'],
    ['+447400123456', 'GB'],
    ['+79161234567', 'RU'],
    ['+77011234567', 'KZ'],
    ['+999', null],
  ])(
    'when the number is %s, then its region is %s (shared calling codes are told apart)',
    (phone, region) => {
      expect(regionOfPhone(phone)).toBe(region);
    },
  );
});
