/**
 * How big a soak test runs. `npm test` proves each rule at a size that takes seconds; `npm run test:soak`
 * (CONVENE_SOAK=1) runs the same tests at the sizes the figures are about, when there is time to wait.
 */
export const soakSize = (full: number, quick: number): number =>
  process.env.CONVENE_SOAK === '1' ? full : quick;
