import { NotAllowed } from '../../../src/domain/access/permissions';
import { GroupNameTaken } from '../../../src/domain/groups/group.errors';
import { PhoneInvalid } from '../../../src/domain/people/phone.errors';
import { UploadTooLarge } from '../../../src/domain/uploads/upload.errors';
import { errorWords } from '../../../src/i18n/error-words';
import { translatorFor } from '../../../src/i18n/translator';

const en = translatorFor('en');
const hi = translatorFor('hi');
const ar = translatorFor('ar');

describe('errorWords', () => {
  it('when a refusal names a group, then each language says the name in its own sentence', () => {
    const error = new GroupNameTaken('Night shift');
    expect(errorWords(error, en)).toBe('There is already a group called "Night shift".');
    expect(errorWords(error, hi)).toBe('“Night shift” नाम का समूह पहले से है।');
    expect(errorWords(error, ar)).toBe('توجد بالفعل مجموعة باسم «Night shift».');
  });

  it('when a stranger is refused, then the words do not name the group; its own people hear its name', () => {
    expect(errorWords(new NotAllowed('invite', null), hi)).toBe('आप उस समूह में लोगों को आमंत्रित नहीं कर सकते।');
    expect(errorWords(new NotAllowed('manage-members', 'Depot'), en)).toBe(
      'You are not allowed to manage members in "Depot".',
    );
  });

  it('when a detail is a kebab-case word, then it still chooses the right words', () => {
    const error = new PhoneInvalid('12', 'IN', 'too-short');
    expect(errorWords(error, en)).toBe('"12" is not a valid phone number for region IN: it is too short.');
    expect(errorWords(error, hi)).toContain('यह बहुत छोटा है');
  });

  it('when a limit is in bytes, then it reads as a size in the reader’s language', () => {
    const error = new UploadTooLarge(50 * 1024 * 1024);
    expect(errorWords(error, en)).toBe(
      'The file is larger than the 50 MB limit: split it into smaller files and upload them one by one.',
    );
    expect(errorWords(error, hi)).toContain('50 MB');
  });

  it('when the catalogue lacks a code, then the error’s own message is kept', () => {
    const error = { code: 'SOMETHING_NEW', message: 'Something new went wrong.', details: {} };
    expect(errorWords(error, ar)).toBe('Something new went wrong.');
  });
});
