import { describe, expect, it } from 'vitest';
import { claimUrl } from '../../../src/domain/formats/claim-url.js';

describe('claimUrl', () => {
  it('when the base URL ends with a slash, then the claim page URL has no double slash', () => {
    expect(claimUrl('http://localhost:3000/', 'k3Fz')).toBe('http://localhost:3000/claims/k3Fz');
  });

  it('when an id holds characters unsafe in a path, then they are percent-encoded', () => {
    expect(claimUrl('https://claims.example', 'a b/c')).toBe('https://claims.example/claims/a%20b%2Fc');
  });
});
