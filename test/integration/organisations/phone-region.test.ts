import { phoneRegionFor } from '../../../src/domain/organisations/phone-region';
import { DomainWorld, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

/** How numbers typed without a country code are read, decided in one place for the API and the bot. */
describeEachDialect('the region phone numbers are read in', (dialect) => {
  let db: StorageUnderTest;
  let world: DomainWorld;
  beforeEach(async () => {
    db = await dialect.open();
    world = new DomainWorld(db.storage);
  });
  afterEach(() => db.dispose());

  test('when the person chose a region, then it wins over their organisation’s', async () => {
    const { actor } = await world.orgAdmin('Asha');
    expect(await phoneRegionFor(world.ctx, actor, { chosen: 'GB', deploymentDefault: 'US' })).toBe('GB');
  });

  test('when they chose none, then their organisation’s default is used', async () => {
    const { actor } = await world.orgAdmin('Asha');
    expect(await phoneRegionFor(world.ctx, actor, { chosen: null, deploymentDefault: 'US' })).toBe('IN');
    expect(await phoneRegionFor(world.ctx, actor, { deploymentDefault: 'US' })).toBe('IN');
  });

  test('when their tenant is no organisation yet, then the deployment’s default is used', async () => {
    const stranger = await world.person('Lee', FABRIKAM_TENANT);
    expect(await phoneRegionFor(world.ctx, stranger, { deploymentDefault: 'US' })).toBe('US');
  });
});
