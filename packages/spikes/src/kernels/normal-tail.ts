/**
 * `-log10 P(Z >= z)` for a standard normal Z: the upper tail's improbability in decades, accurate
 * far into the tail (it never underflows, so z = 40 and z = 50 stay apart). Uses the
 * complementary error function (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7),
 * whose exponent is kept in log form.
 */
export function normalTailDecades(z: number): number {
  if (Number.isNaN(z)) return 0;
  const x = z / Math.SQRT2;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.5 * a);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  // ln erfc(|x|) = ln t - x^2 + poly
  const lnErfc = Math.log(t) - a * a + poly;
  if (x >= 0) return -(Math.log(0.5) + lnErfc) / Math.LN10;
  const upper = 1 - 0.5 * Math.exp(lnErfc);
  return -Math.log10(upper);
}
