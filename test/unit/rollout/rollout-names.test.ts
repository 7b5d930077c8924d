import { slug } from '../../../src/domain/rollout/posters';
import { resourceTitle, safeFileName } from '../../../src/domain/rollout/rollout-resource';

describe('names of rollout files', () => {
  test.each([
    ['Canteen poster.png', 'png', 'Canteen poster.png'],
    ['deck.pdf', 'png', 'deck.png'],
    ['C:\\Users\\ira\\Kick-off.pptx', 'pptx', 'Kick-off.pptx'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['"quoted" <name>?.jpeg', 'jpeg', 'quoted name.jpg'],
    ['.hidden', 'pdf', 'hidden.pdf'],
    ['', 'png', 'resource.png'],
  ] as const)('when a file named %j is %s, then it downloads as %j', (raw, type, expected) => {
    expect(safeFileName(raw, type)).toBe(expected);
  });

  test.each([
    [undefined, 'Kick-off deck.pptx', 'Kick-off deck'],
    ['  Lobby\tposter  ', 'x.png', 'Lobby poster'],
    ['', 'notes.pdf', 'notes'],
  ])('when the title is %j for %j, then it shows as %j', (title, fileName, expected) => {
    expect(resourceTitle(title, fileName)).toBe(expected);
  });

  test.each([
    ['Sales (East) – Night shift', 'sales-east-night-shift'],
    ['Équipe Café', 'equipe-cafe'],
    ['Продажи', 'продажи'],
    ['!!!', 'group'],
  ])('when a poster is made for %j, then its file is named after %j', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });
});
