using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// The state a TorchSharp recurrent layer carries (the core's <see cref="RnnNotebooks.RecurrentState"/> in tensors) from step to step: a&lt;t&gt; (PyTorch's h) and, for an LSTM only, the
/// cell c&lt;t&gt;. Both are (directions, m, n_a), as nn.RNN / nn.GRU / nn.LSTM take and return them.
/// </summary>
/// <param name="A">a&lt;t&gt;, (directions, m, n_a).</param>
/// <param name="C">c&lt;t&gt;, (directions, m, n_a) for an LSTM; null for nn.RNN and nn.GRU.</param>
public sealed record TorchRecurrentState(Tensor A, Tensor? C);
