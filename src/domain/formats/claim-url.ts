/**
 * The public page of a claim, the identity every published format points back to.
 * @example claimUrl('http://localhost:3000/', 'k3Fz') //=> 'http://localhost:3000/claims/k3Fz'
 */
export function claimUrl(baseUrl: string, claimId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/claims/${encodeURIComponent(claimId)}`;
}
