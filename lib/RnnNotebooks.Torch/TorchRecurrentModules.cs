using System.Runtime.CompilerServices;
using TorchSharp;
using TorchSharp.Modules;
using Tensor = TorchSharp.torch.Tensor;

namespace RnnNotebooks.Torch;

/// <summary>
/// The TorchSharp modules that hold a core <see cref="RecurrentLayer"/>'s parameters: <c>nn.RNN</c>, <c>nn.GRU</c> or
/// <c>nn.LSTM</c> by its cell, with an <c>nn.Linear</c> head. The one builder of the recurrent modules: the twins, the timed
/// training step and <see cref="TorchRecurrentLayer"/> of the application models.
/// </summary>
internal static class TorchRecurrentModules
{
    /// <summary>
    /// The modules with the core's values: weight_ih = Wax, weight_hh = Waa (gate blocks in PyTorch's order), bias_ih = bax
    /// (the RNN's ba), bias_hh = baa (0 for the RNN, which has one bias), Linear weight = Wya, bias = by.
    /// </summary>
    /// <param name="p">The core's parameters, of any cell, with an output layer.</param>
    /// <param name="g1">The RNN's hidden activation, Tanh or Relu (nn.RNN's nonlinearity); GRU and LSTM ignore it.</param>
    /// <param name="device">Where the modules live; null for the CPU.</param>
    [MethodImpl(MethodImplOptions.NoInlining)] // compiled only after TorchSetup.EnsureLoaded()
    public static (torch.nn.Module Recurrent, Linear Head) Build(RecurrentParameters p, Activation g1, torch.Device? device = null)
    {
        var recurrent = Create(p.Cell, p.nX, p.nA, g1, bidirectional: false, device, torch.float64);
        var head = torch.nn.Linear(p.nA, p.nY, hasBias: true, device: device, dtype: torch.float64);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var named = Named(recurrent);
        int rows = p.Gates * p.nA;
        named["weight_ih_l0"].copy_(TorchLayout.FromArray(p.Wax.Data, rows, p.nX)); // weight_ih = Wax
        named["weight_hh_l0"].copy_(TorchLayout.FromArray(p.Waa.Data, rows, p.nA)); // weight_hh = Waa
        named["bias_ih_l0"].copy_(TorchLayout.FromArray(p.Bax, rows));              // bias_ih = bax (the RNN's ba)
        if (p.Baa.Length == 0)
        {
            named["bias_hh_l0"].zero_();                                            // bias_hh = 0: the RNN has one bias
        }
        else
        {
            named["bias_hh_l0"].copy_(TorchLayout.FromArray(p.Baa, rows));          // bias_hh = baa
        }
        head.weight.copy_(TorchLayout.FromArray(p.Wya.Data, p.nY, p.nA));          // Linear weight = Wya
        head.bias!.copy_(TorchLayout.FromArray(p.By, p.nY));                        // Linear bias = by
        return (recurrent, head);
    }

    /// <summary>
    /// One layer of <c>nn.RNN</c> (g1: tanh or ReLU), <c>nn.GRU</c> or <c>nn.LSTM</c> by the cell, time first, with PyTorch's own
    /// initial weights: what <see cref="Build"/> fills with a core layer's values, and what <see cref="TorchRecurrentLayer"/> trains.
    /// </summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x, the size of x&lt;t&gt;.</param>
    /// <param name="nA">n_a, the hidden units of each direction.</param>
    /// <param name="g1">The RNN's hidden activation, Tanh or Relu; GRU and LSTM ignore it.</param>
    /// <param name="bidirectional">A second direction reading the sequence backwards.</param>
    /// <param name="device">Where the module lives; null for the CPU.</param>
    /// <param name="dtype">Its element type; null for PyTorch's default (float32).</param>
    public static torch.nn.Module Create(RecurrentCell cell, long nX, long nA, Activation g1, bool bidirectional, torch.Device? device = null, torch.ScalarType? dtype = null) => cell switch
    {
        RecurrentCell.Rnn => torch.nn.RNN(nX, nA, numLayers: 1,
            nonLinearity: g1 == Activation.Relu ? torch.nn.NonLinearities.ReLU : torch.nn.NonLinearities.Tanh,
            bias: true, batchFirst: false, bidirectional: bidirectional, device: device, dtype: dtype),
        RecurrentCell.Gru => torch.nn.GRU(nX, nA, numLayers: 1, bias: true, batchFirst: false, bidirectional: bidirectional, device: device, dtype: dtype),
        _ => torch.nn.LSTM(nX, nA, numLayers: 1, bias: true, batchFirst: false, bidirectional: bidirectional, device: device, dtype: dtype),
    };

    /// <summary>a&lt;1&gt; .. a&lt;Tx&gt;, (Tx, m, n_a), of the recurrent module over x (Tx, m, n_x) from a&lt;0&gt; (and c&lt;0&gt;), zeros when null.</summary>
    /// <param name="recurrent">What <see cref="Build"/> made.</param>
    /// <param name="x">The inputs, (Tx, m, n_x).</param>
    /// <param name="a0">a&lt;0&gt;, (1, m, n_a), or null.</param>
    /// <param name="c0">c&lt;0&gt;, (1, m, n_a), for the LSTM (with a0), or null.</param>
    public static Tensor States(torch.nn.Module recurrent, Tensor x, Tensor? a0 = null, Tensor? c0 = null) => recurrent switch
    {
        LSTM lstm => (a0 is null ? lstm.call(x) : lstm.call(x, (a0, c0!))).Item1,
        GRU gru => gru.call(x, a0).Item1,
        RNN rnn => rnn.call(x, a0).Item1,
        _ => throw new ArgumentException($"a {recurrent.GetType().Name}: expected nn.RNN, nn.GRU or nn.LSTM.", nameof(recurrent)),
    };

    /// <summary>
    /// c&lt;1&gt; .. c&lt;Tx&gt;, (Tx, m, n_a): nn.LSTM returns only the last cell state, so this runs it one step at a time
    /// from (a&lt;0&gt;, c&lt;0&gt;), without autograd.
    /// </summary>
    /// <param name="lstm">What <see cref="Build"/> made for an LSTM.</param>
    /// <param name="x">The inputs, (Tx, m, n_x).</param>
    /// <param name="a0">a&lt;0&gt;, (1, m, n_a).</param>
    /// <param name="c0">c&lt;0&gt;, (1, m, n_a).</param>
    public static Tensor CellStates(LSTM lstm, Tensor x, Tensor a0, Tensor c0)
    {
        using var noGrad = torch.no_grad();
        var (a, c) = (a0, c0);
        var steps = new List<Tensor>();
        for (long t = 0; t < x.shape[0]; t++)
        {
            (_, a, c) = lstm.call(x[t].unsqueeze(0), (a, c)); // (a<t>, c<t>) = cell(x<t>, a<t-1>, c<t-1>)
            steps.Add(c[0]);
        }
        return torch.stack(steps);
    }

    /// <summary>The module's parameters by PyTorch's names (weight_ih_l0, ...).</summary>
    public static Dictionary<string, Parameter> Named(torch.nn.Module module) =>
        module.named_parameters().ToDictionary(n => n.name, n => n.parameter);
}
