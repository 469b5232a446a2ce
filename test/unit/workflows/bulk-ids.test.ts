import { bulkPlanId } from '../../../src/workflows/bulkIds';

describe('bulkPlanId (the HR partner’s plan for one leaver)', () => {
  it('is the same on every run and device, whatever the case of the organiser’s address', () => {
    expect(bulkPlanId('Nadia.Haddad@contoso.example', 'u-1', '2027-01-08')).toBe(bulkPlanId('nadia.haddad@contoso.example', 'u-1', '2027-01-08'));
  });

  it('differs by organiser, leaver and last day, and reads as a UUID (version 5, RFC 4122 variant)', () => {
    const ids = new Set([
      bulkPlanId('nadia.haddad@contoso.example', 'u-1', '2027-01-08'),
      bulkPlanId('claire.martin@contoso.example', 'u-1', '2027-01-08'),
      bulkPlanId('nadia.haddad@contoso.example', 'u-2', '2027-01-08'),
      bulkPlanId('nadia.haddad@contoso.example', 'u-1', '2027-02-08'),
    ]);
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
