namespace RnnNotebooks;

/// <summary>
/// The core's own scalar exp, expm1, log, tanh and sigmoid, and an integer power: what the core calls instead of
/// Math.Exp, Math.Log, Math.Tanh and Math.Pow, which come from the operating system's C library and may differ in the
/// last bit between glibc, MSVC and Apple. Each is the very algorithm <see cref="Elementwise"/> runs in every vector
/// lane (<see cref="ElementwiseKernels"/> on one double), built only from IEEE additions, multiplications, divisions
/// and fused multiply-adds, so it gives the same bits on every machine, operating system and instruction set, and the
/// same bits as the span functions of <see cref="Elementwise"/>.
/// </summary>
/// <remarks>The accuracy figures are the worst errors CanonicalMathTests measured against a double-double reference
/// on dense grids (see Numerics/README.md).</remarks>
public static class CanonicalMath
{
    /// <summary>
    /// e^x, within 1 ulp of the exact value (worst measured: 0.57 ulp; 0.73 ulp where the result is subnormal and rounds twice). exp(-Inf) = 0, exp(+Inf) = +Inf, exp(x) = +Inf
    /// for x &gt; 709.78, subnormal results below about -708.4, 0 below about -745.13; NaN gives NaN. Same bits on every machine.
    /// </summary>
    public static double Exp(double x) => ElementwiseKernels.Exp<SimdScalar, double>(x);

    /// <summary>
    /// e^x - 1, within 1 ulp of the exact value and accurate near 0, where e^x - 1 would cancel (expm1(1e-300) = 1e-300,
    /// expm1(-0) = -0) (worst measured: 0.80 ulp). expm1(-Inf) = -1, expm1(+Inf) = +Inf; NaN gives NaN. Same bits on every machine.
    /// </summary>
    public static double Expm1(double x) => ElementwiseKernels.Expm1<SimdScalar, double>(x);

    /// <summary>
    /// The natural logarithm, within 1 ulp of the exact value (worst measured: 0.78 ulp), subnormals included.
    /// log(±0) = -Inf, log(x &lt; 0) = NaN, log(+Inf) = +Inf; NaN gives NaN. Same bits on every machine.
    /// </summary>
    public static double Log(double x) => ElementwiseKernels.Log<SimdScalar, double>(x);

    /// <summary>
    /// The hyperbolic tangent, within 1 ulp of the exact value (worst measured: 0.70 ulp). tanh(±0) = ±0,
    /// tanh(±Inf) = ±1, ±1 for |x| &gt; 20; NaN gives NaN. Same bits on every machine.
    /// </summary>
    public static double Tanh(double x) => ElementwiseKernels.Tanh<SimdScalar, double>(x);

    /// <summary>
    /// The logistic function σ(x) = 1 / (1 + e^-x), within 1 ulp of the exact value (worst measured: 0.55 ulp; 0.75 ulp
    /// where the result is subnormal), computed
    /// without overflow for either sign: σ(-740) is the right tiny number, not 0. σ(0) = 0.5, σ(-Inf) = 0,
    /// σ(+Inf) = 1; NaN gives NaN. Same bits on every machine.
    /// </summary>
    public static double Sigmoid(double x) => ElementwiseKernels.Sigmoid<SimdScalar, double>(x);

    /// <summary>
    /// x^n for n ≥ 0 by repeated squaring (x^0 = 1, even for 0 and NaN): the product of the squares x, x², x⁴, ...
    /// that n's binary digits pick, multiplied in that order (PowInt(x, 3) = x · (x · x)). Exact for n ≤ 2; otherwise
    /// about log2(n) + popcount(n) roundings. IEEE multiplications only, so the same bits on every machine; for Adam's
    /// bias corrections 1 - β^t.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double PowInt(double x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        double result = 1.0, square = x;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                result *= square;
            }
            n >>= 1;
            if (n > 0)
            {
                square *= square;
            }
        }
        return result;
    }
}
