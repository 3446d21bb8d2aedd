using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnNotebooks;

/// <summary>
/// The element-wise part of the LSTM's backward step (<see cref="LstmCell.GateGradients"/>) as an
/// <see cref="ILanewiseKernel{TSelf}"/>, element k of each (n_a, m) block at a time, with σ' = s(1 - s) and tanh' = 1 - tanh²:
/// <code>
/// dc  = dc_next + da ⊙ o ⊙ (1 - tanh²(c&lt;t&gt;))     the cell state's total gradient
/// dGi = dc ⊙ g ⊙ i (1 - i),   dGf = dc ⊙ c&lt;t-1&gt; ⊙ f (1 - f)
/// dGg = dc ⊙ i ⊙ (1 - g²),    dGo = da ⊙ tanh(c&lt;t&gt;) ⊙ o (1 - o)
/// dc_next = dc ⊙ f                                 dL/dc&lt;t-1&gt;: the only factor along c is f (the highway)
/// </code>
/// Each product is taken left to right, as the scalar loop it replaced did, so vectors and the scalar remainder give its bits.
/// </summary>
internal readonly ref struct LstmGateGradients : ILanewiseKernel<LstmGateGradients>
{
    private readonly ref double gates;
    private readonly ref double cPrev;
    private readonly ref double tanhC;
    private readonly ref double da;
    private readonly ref double dc;
    private readonly ref double dG;
    private readonly nuint size;

    /// <summary>The kernel over the step's blocks: [i; f; g; o] (4 n_a, m), c&lt;t-1&gt;, tanh(c&lt;t&gt;), da (n_a, m); dc (n_a, m) in and out; dG (4 n_a, m) written.</summary>
    public LstmGateGradients(Matrix cPrev, Matrix gates, Matrix tanhC, Matrix da, Matrix dc, Matrix dG)
    {
        this.gates = ref MemoryMarshal.GetArrayDataReference(gates.Data);
        this.cPrev = ref MemoryMarshal.GetArrayDataReference(cPrev.Data);
        this.tanhC = ref MemoryMarshal.GetArrayDataReference(tanhC.Data);
        this.da = ref MemoryMarshal.GetArrayDataReference(da.Data);
        this.dc = ref MemoryMarshal.GetArrayDataReference(dc.Data);
        this.dG = ref MemoryMarshal.GetArrayDataReference(dG.Data);
        size = (nuint)cPrev.Data.Length;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TSimd, TVec>(in LstmGateGradients kernel, nuint k) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec one = TSimd.Create(1.0);
        TVec i = TSimd.Load(ref kernel.gates, k), f = TSimd.Load(ref kernel.gates, kernel.size + k);
        TVec g = TSimd.Load(ref kernel.gates, 2 * kernel.size + k), o = TSimd.Load(ref kernel.gates, 3 * kernel.size + k);
        TVec t = TSimd.Load(ref kernel.tanhC, k), d = TSimd.Load(ref kernel.da, k);
        TVec dck = TSimd.Add(TSimd.Load(ref kernel.dc, k), TSimd.Multiply(TSimd.Multiply(d, o), TSimd.Subtract(one, TSimd.Multiply(t, t)))); // dL/dc<t>
        TSimd.Store(TSimd.Multiply(TSimd.Multiply(TSimd.Multiply(dck, g), i), TSimd.Subtract(one, i)), ref kernel.dG, k);                     // dL/d(pre-activation of i)
        TSimd.Store(TSimd.Multiply(TSimd.Multiply(TSimd.Multiply(dck, TSimd.Load(ref kernel.cPrev, k)), f), TSimd.Subtract(one, f)), ref kernel.dG, kernel.size + k); // ... of f
        TSimd.Store(TSimd.Multiply(TSimd.Multiply(dck, i), TSimd.Subtract(one, TSimd.Multiply(g, g))), ref kernel.dG, 2 * kernel.size + k);           // ... of g
        TSimd.Store(TSimd.Multiply(TSimd.Multiply(TSimd.Multiply(d, t), o), TSimd.Subtract(one, o)), ref kernel.dG, 3 * kernel.size + k);              // ... of o
        TSimd.Store(TSimd.Multiply(dck, f), ref kernel.dc, k);                                                                                 // dL/dc<t-1> = dc ⊙ f
    }
}
