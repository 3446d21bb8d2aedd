using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnNotebooks;

/// <summary>
/// The element-wise part of the GRU's backward step (<see cref="GruCell.GateGradients"/>) as an
/// <see cref="ILanewiseKernel{TSelf}"/>, element k of each (n_a, m) block at a time:
/// <code>
/// dGn = da ⊙ (1 - z) ⊙ (1 - n²)                  dGz = da ⊙ (a&lt;t-1&gt; - n) ⊙ z (1 - z)
/// dGr = dGn ⊙ hn ⊙ r (1 - r)                     dGx = [dGr; dGz; dGn],  dGa = [dGr; dGz; dGn ⊙ r]
/// daPrev = da ⊙ z                               the direct path a&lt;t&gt; = ... + z ⊙ a&lt;t-1&gt;
/// </code>
/// Each product is taken left to right, as the scalar loop it replaced did, so vectors and the scalar remainder give its bits.
/// </summary>
internal readonly ref struct GruGateGradients : ILanewiseKernel<GruGateGradients>
{
    private readonly ref double aPrev;
    private readonly ref double gates;
    private readonly ref double hn;
    private readonly ref double da;
    private readonly ref double dGx;
    private readonly ref double dGa;
    private readonly ref double daPrev;
    private readonly nuint size;

    /// <summary>The kernel over the step's blocks: a&lt;t-1&gt;, hn, da (n_a, m) and [r; z; n] (3 n_a, m); dGx, dGa (3 n_a, m) and daPrev (n_a, m) written.</summary>
    public GruGateGradients(Matrix aPrev, Matrix gates, Matrix hn, Matrix da, Matrix dGx, Matrix dGa, Matrix daPrev)
    {
        this.aPrev = ref MemoryMarshal.GetArrayDataReference(aPrev.Data);
        this.gates = ref MemoryMarshal.GetArrayDataReference(gates.Data);
        this.hn = ref MemoryMarshal.GetArrayDataReference(hn.Data);
        this.da = ref MemoryMarshal.GetArrayDataReference(da.Data);
        this.dGx = ref MemoryMarshal.GetArrayDataReference(dGx.Data);
        this.dGa = ref MemoryMarshal.GetArrayDataReference(dGa.Data);
        this.daPrev = ref MemoryMarshal.GetArrayDataReference(daPrev.Data);
        size = (nuint)aPrev.Data.Length;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TSimd, TVec>(in GruGateGradients kernel, nuint k) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec one = TSimd.Create(1.0);
        TVec r = TSimd.Load(ref kernel.gates, k), z = TSimd.Load(ref kernel.gates, kernel.size + k), n = TSimd.Load(ref kernel.gates, 2 * kernel.size + k);
        TVec d = TSimd.Load(ref kernel.da, k);
        TVec oneMinusZ = TSimd.Subtract(one, z);
        TVec dGn = TSimd.Multiply(TSimd.Multiply(d, oneMinusZ), TSimd.Subtract(one, TSimd.Multiply(n, n)));                         // dL/d(pre-activation of n)
        TVec dGz = TSimd.Multiply(TSimd.Multiply(TSimd.Multiply(d, TSimd.Subtract(TSimd.Load(ref kernel.aPrev, k), n)), z), oneMinusZ); // ... of z
        TVec dGr = TSimd.Multiply(TSimd.Multiply(TSimd.Multiply(dGn, TSimd.Load(ref kernel.hn, k)), r), TSimd.Subtract(one, r));       // ... of r
        TSimd.Store(dGr, ref kernel.dGx, k);
        TSimd.Store(dGz, ref kernel.dGx, kernel.size + k);
        TSimd.Store(dGn, ref kernel.dGx, 2 * kernel.size + k);
        TSimd.Store(dGr, ref kernel.dGa, k);
        TSimd.Store(dGz, ref kernel.dGa, kernel.size + k);
        TSimd.Store(TSimd.Multiply(dGn, r), ref kernel.dGa, 2 * kernel.size + k); // through r ⊙ (Wna a<t-1> + bna)
        TSimd.Store(TSimd.Multiply(d, z), ref kernel.daPrev, k);           // a<t> = ... + z ⊙ a<t-1>
    }
}
