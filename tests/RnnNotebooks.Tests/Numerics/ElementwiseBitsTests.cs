using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests;

/// <summary>
/// The element-wise functions give the same bits at every vector width (512, 256, 128 bits, emulated where this CPU
/// lacks them), in the scalar remainder, through the public span functions and through <see cref="CanonicalMath"/>:
/// every length 0..70 (so each value lands in a vector lane and in the remainder) over random values in several
/// ranges and the special values. All NaNs count as equal.
/// </summary>
public class ElementwiseBitsTests(ITestOutputHelper output)
{
    private const int MaxLength = 70;

    /// <summary>Values every function must treat alike: zeros, subnormals, the edges of exp's range, NaN and infinities.</summary>
    private static readonly double[] Specials =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-310, -1e-310, 2.2250738585072014E-308, 1e-300, -1e-300, 1e-17, -1e-17,
        700, -700, 709.78, -709.78, 709.79, -745.2, -745.1332191019411, -708.3964185322641, 709.782712893384, 710, -746, 746,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue,
        1, -1, 0.5, -0.5, 0.34657359027997264, -0.34657359027997264, 0.6931471805599453, -0.6931471805599453,
        19.5, -19.5, 20, -20, 20.5, -20.5, 37.5, 38.5, -37.5, -50, -51, 1e-5, -1e-5, 1.4142135623730951, 0.7071067811865476,
        0.9999999999999999, 1.0000000000000002, 3, 1e300, 36.7, 37.4, 1e-20,
    ];

    public static TheoryData<string> Functions() => new() { "exp", "expm1", "tanh", "sigmoid", "log" };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_width_gives_the_scalar_bits(string function)
    {
        var (scalar, widths) = Paths(function);
        var y = new double[MaxLength];
        var expected = new double[MaxLength];
        foreach (var (range, values) in Inputs())
        {
            for (int length = 0; length <= MaxLength; length++)
            {
                ReadOnlySpan<double> x = values.AsSpan(length % 7, length); // shifted so each value meets several lanes
                for (int i = 0; i < length; i++)
                {
                    expected[i] = scalar(x[i]);
                }
                foreach (var (width, f) in widths)
                {
                    Array.Fill(y, 12345.0);
                    f(x, y.AsSpan(0, length));
                    for (int i = 0; i < length; i++)
                    {
                        if (!SameBits(expected[i], y[i]))
                        {
                            Assert.Fail($"{function} on {width}, {range} values, length {length}, [{i}]: x = {x[i]:R}: " +
                                $"{y[i]:R} (0x{BitConverter.DoubleToInt64Bits(y[i]):X16}), CanonicalMath {expected[i]:R} " +
                                $"(0x{BitConverter.DoubleToInt64Bits(expected[i]):X16})");
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The bits every stored number of the course was computed with, pinned: tanh at 2|x| = (k + 1/2) ln 2 for k from
    /// 1 to 58 (each side of the reduction's k, the cut at k = 53 where 1 - 2^-k stops being exact, and the last k
    /// before tanh saturates at 20) and at ordinary points; σ across its range down to the subnormal results. Computed
    /// on 2026-12-08 by the algorithms as they stood at commit f3276e2 (tanh's expm1 then scaled its sums by 2^k1 and
    /// 2^k2, σ clamped -|x| from above too), which the current ones must match bit for bit on every input.
    /// </summary>
    [Theory]
        [InlineData("tanh", 0.51986, unchecked((long)0x3FDE90DDD64642DF))]
        [InlineData("tanh", 0.866434, unchecked((long)0x3FE662C70B90F95D))]
        [InlineData("tanh", 2.599302, unchecked((long)0x3FEFA5FCD33AA0A1))]
        [InlineData("tanh", 9.1842, unchecked((long)0x3FEFFFFFF4AFB099))]
        [InlineData("tanh", 9.530774, unchecked((long)0x3FEFFFFFFA57D89A))]
        [InlineData("tanh", 18.541687, unchecked((long)0x3FEFFFFFFFFFFFFF))]
        [InlineData("tanh", 18.888261, unchecked((long)0x3FEFFFFFFFFFFFFF))]
        [InlineData("tanh", 19.927981, unchecked((long)0x3FF0000000000000))]
        [InlineData("tanh", 20.274555, unchecked((long)0x3FF0000000000000))]
        [InlineData("tanh", 1E-300, unchecked((long)0x01A56E1FC2F8F359))]
        [InlineData("tanh", 0.3, unchecked((long)0x3FD2A4DDA7D914FA))]
        [InlineData("tanh", 0.7, unchecked((long)0x3FE356FB17AF2E91))]
        [InlineData("tanh", -1.3, unchecked((long)0xBFEB933C726E9B3A))]
        [InlineData("tanh", 2.5, unchecked((long)0x3FEF9258260A71C2))]
        [InlineData("tanh", -9.75, unchecked((long)0xBFEFFFFFFC59E429))]
        [InlineData("tanh", 18.5, unchecked((long)0x3FEFFFFFFFFFFFFE))]
        [InlineData("tanh", 18.75, unchecked((long)0x3FEFFFFFFFFFFFFF))]
        [InlineData("tanh", -19.875, unchecked((long)0xBFF0000000000000))]
        [InlineData("sigmoid", 1E-300, unchecked((long)0x3FE0000000000000))]
        [InlineData("sigmoid", -0.3, unchecked((long)0x3FDB3C5574372AEB))]
        [InlineData("sigmoid", 0.7, unchecked((long)0x3FE561CB52A19475))]
        [InlineData("sigmoid", 3.25, unchecked((long)0x3FEECE37D7F30E3C))]
        [InlineData("sigmoid", -12.5, unchecked((long)0x3ECF42E59CDCDAD4))]
        [InlineData("sigmoid", 30, unchecked((long)0x3FEFFFFFFFFFFCB5))]
        [InlineData("sigmoid", -37, unchecked((long)0x3C9898471FCA6054))]
        [InlineData("sigmoid", -400, unchecked((long)0x1BDE50C483C04DCD))]
        [InlineData("sigmoid", -708.5, unchecked((long)0x000E6CF6D08897AC))]
        [InlineData("sigmoid", -740, unchecked((long)0x0000000000000055))]
        [InlineData("sigmoid", -745, unchecked((long)0x0000000000000001))]
    public void Tanh_and_sigmoid_keep_the_bits_the_course_was_stored_with(string function, double x, long bits)
    {
        var (scalar, widths) = Paths(function);
        Assert.Equal(bits, BitConverter.DoubleToInt64Bits(scalar(x)));
        var xs = Enumerable.Repeat(x, 9).ToArray(); // a full vector at every width, and a remainder
        var y = new double[9];
        foreach (var (width, f) in widths)
        {
            f(xs, y);
            Assert.All(y, value => Assert.True(bits == BitConverter.DoubleToInt64Bits(value), $"{function}({x:R}) on {width}: {value:R}"));
        }
    }

    [Fact]
    public void The_widest_accelerated_width_is_the_one_used()
    {
        string widest = Vector512.IsHardwareAccelerated ? "512-bit vectors" : Vector256.IsHardwareAccelerated ? "256-bit vectors"
            : Vector128.IsHardwareAccelerated ? "128-bit vectors" : "scalars";
        output.WriteLine($"Elementwise runs {widest} here (Avx512F {Avx512F.IsSupported}, Avx2 {Avx2.IsSupported}, " +
            $"Fma {Fma.IsSupported}, Sse2 {Sse2.IsSupported}, AdvSimd {System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported})");
        var x = new double[] { 0.5, -3, 700, -745.2 };
        var y = new double[4];
        Elementwise.Exp(x, y);
        Assert.Equal(x.Select(CanonicalMath.Exp), y);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void In_place_gives_the_same_bits(string function)
    {
        var (scalar, widths) = Paths(function);
        double[] x = Inputs().First(input => input.Range == "[-30, 30]").Values[..MaxLength];
        foreach (var (width, f) in widths)
        {
            var y = (double[])x.Clone();
            f(y, y);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.True(SameBits(scalar(x[i]), y[i]), $"{function} in place on {width}, [{i}]: x = {x[i]:R}, y = {y[i]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Bad_spans_name_y(string function)
    {
        foreach (var (width, f) in Paths(function).Widths)
        {
            var error = Assert.Throws<ArgumentException>(() => f(new double[5], new double[4]));
            Assert.Equal("y", error.ParamName);
            Assert.Contains("length 4; expected 5", error.Message);
            var shared = new double[10];
            error = Assert.Throws<ArgumentException>(() => f(shared.AsSpan(0, 8), shared.AsSpan(1, 8)));
            Assert.Equal("y", error.ParamName);
        }
    }

    private static bool SameBits(double a, double b) =>
        (double.IsNaN(a) && double.IsNaN(b)) || BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    /// <summary>CanonicalMath's function, and the span paths: each width, the scalar one, and the public one if any.</summary>
    private static (Func<double, double> Scalar, (string Width, SpanFunction F)[] Widths) Paths(string function) => function switch
    {
        "exp" => (CanonicalMath.Exp,
        [
            ("Simd512", Elementwise.Exp<Simd512, Vector512<double>>), ("Simd256", Elementwise.Exp<Simd256, Vector256<double>>),
            ("Simd128", Elementwise.Exp<Simd128, Vector128<double>>), ("SimdScalar", Elementwise.Exp<SimdScalar, double>),
            ("Elementwise.Exp", Elementwise.Exp),
        ]),
        "expm1" => (CanonicalMath.Expm1,
        [
            ("Simd512", Elementwise.Expm1<Simd512, Vector512<double>>), ("Simd256", Elementwise.Expm1<Simd256, Vector256<double>>),
            ("Simd128", Elementwise.Expm1<Simd128, Vector128<double>>), ("SimdScalar", Elementwise.Expm1<SimdScalar, double>),
        ]),
        "tanh" => (CanonicalMath.Tanh,
        [
            ("Simd512", Elementwise.Tanh<Simd512, Vector512<double>>), ("Simd256", Elementwise.Tanh<Simd256, Vector256<double>>),
            ("Simd128", Elementwise.Tanh<Simd128, Vector128<double>>), ("SimdScalar", Elementwise.Tanh<SimdScalar, double>),
            ("Elementwise.Tanh", Elementwise.Tanh),
        ]),
        "sigmoid" => (CanonicalMath.Sigmoid,
        [
            ("Simd512", Elementwise.Sigmoid<Simd512, Vector512<double>>), ("Simd256", Elementwise.Sigmoid<Simd256, Vector256<double>>),
            ("Simd128", Elementwise.Sigmoid<Simd128, Vector128<double>>), ("SimdScalar", Elementwise.Sigmoid<SimdScalar, double>),
            ("Elementwise.Sigmoid", Elementwise.Sigmoid),
        ]),
        "log" => (CanonicalMath.Log,
        [
            ("Simd512", Elementwise.Log<Simd512, Vector512<double>>), ("Simd256", Elementwise.Log<Simd256, Vector256<double>>),
            ("Simd128", Elementwise.Log<Simd128, Vector128<double>>), ("SimdScalar", Elementwise.Log<SimdScalar, double>),
        ]),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    /// <summary>Each range's values, MaxLength + 7 of them (a seeded random draw; the specials shuffled and repeated).</summary>
    private static IEnumerable<(string Range, double[] Values)> Inputs()
    {
        var random = new Random(2024);
        double[] Draw(Func<double> next) => Enumerable.Range(0, MaxLength + 7).Select(_ => next()).ToArray();
        double Uniform(double a, double b) => a + (b - a) * random.NextDouble();
        double Signed(double magnitude) => random.Next(2) == 0 ? magnitude : -magnitude;
        yield return ("[-1, 1]", Draw(() => Uniform(-1, 1)));
        yield return ("[-30, 30]", Draw(() => Uniform(-30, 30)));
        yield return ("[-800, 800]", Draw(() => Uniform(-800, 800)));
        yield return ("[-0.5, 0.5] ln 2 beyond", Draw(() => Signed(Uniform(0.3, 0.4) * (1 + random.Next(60)))));
        yield return ("tiny (1e-320 to 1e-5, either sign)", Draw(() => Signed(Math.Pow(10, Uniform(-320, -5)))));
        yield return ("positive (1e-320 to 1e300)", Draw(() => Math.Pow(10, Uniform(-320, 300))));
        for (int shuffle = 0; shuffle < 3; shuffle++)
        {
            yield return ($"special (shuffle {shuffle})", Draw(() => Specials[random.Next(Specials.Length)]));
        }
    }
}
