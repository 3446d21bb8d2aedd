using RnnNotebooks;
using RnnNotebooks.Torch;

namespace RnnNotebooks.Benchmarks;

/// <summary>
/// One benchmark size: T steps of m one-hot sequences over a vocabulary of n_x = n_y, n_a hidden units, for the
/// note's RNN ("rnn"), the GRU ("gru") or the LSTM ("lstm").
/// </summary>
internal sealed record BenchCase(string Model, int nA, int m, int T = 100, int Vocabulary = 27, int Seed = 1)
{
    /// <summary>G, the number of weight blocks the recurrent products carry: 1 (RNN), 3 (GRU), 4 (LSTM).</summary>
    public int Gates => Model switch
    {
        "gru" => 3,
        "lstm" => 4,
        "rnn" => 1,
        _ => throw new ArgumentException($"unknown model '{Model}'; expected rnn, gru or lstm."),
    };

    /// <summary>Floating-point operations of one forward + BPTT, counting a multiply-add as 2:
    /// Waa a (G n_a x n_a), Wya a (forward); Waa^T dG, dG a^T, Wya^T dz_y, dz_y a^T (backward). One-hot Wax x is a gather.</summary>
    public double Flops => 2.0 * T * m * (3.0 * Gates * nA * nA + 3.0 * Vocabulary * nA);

    /// <summary>Passes timed one by one in a round: about 200,000 / (Flops / 20,000), between 3 and 200.</summary>
    public int Iterations => Math.Clamp((int)(200_000 / Math.Max(1, Flops / 2e4)), 3, 200);

    public (SequenceBatch X, SequenceTargets Y) Data(int steps)
    {
        var random = new Random(Seed);
        int[][] tokens = Enumerable.Range(0, steps + 1)
            .Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(Vocabulary)).ToArray()).ToArray();
        return (SequenceBatch.OneHot(Vocabulary, tokens[..^1]), SequenceTargets.ClassIndices(tokens[1..]));
    }

    /// <summary>The core's forward + loss + BPTT over <paramref name="steps"/> steps, on a cache and gradients made once; returns L.</summary>
    public Func<double> Core(int steps)
    {
        var (x, y) = Data(steps);
        switch (Model)
        {
            case "rnn":
            {
                var model = Rnn.Create(Vocabulary, nA, Vocabulary, Seed);
                var cache = model.Forward(x);
                var gradients = model.Backward(cache, y);
                return () =>
                {
                    model.Forward(x, null, cache);
                    double loss = model.Loss(cache, y);
                    model.Backward(cache, y, null, gradients);
                    return loss;
                };
            }
            default:
            {
                var model = Gated();
                RecurrentCache Forward(RecurrentCache? reuse) => model is Lstm lstm ? lstm.Forward(x, null, null, reuse) : ((Gru)model).Forward(x, null, reuse);
                var cache = Forward(null);
                var gradients = model.Backward(cache, y);
                return () =>
                {
                    Forward(cache);
                    double loss = model.Loss(cache, y);
                    model.Backward(cache, y, null, gradients);
                    return loss;
                };
            }
        }
    }

    /// <summary>The same pass in TorchSharp (nn.RNN, nn.GRU or nn.LSTM + Linear + cross_entropy), with the same weights.</summary>
    public (IDisposable Owner, Func<double> Run) Torch()
    {
        var (x, y) = Data(T);
        var step = new TorchTrainingStep(Model == "rnn" ? Rnn.Create(Vocabulary, nA, Vocabulary, Seed) : Gated(), x, y);
        return (step, step.Run);
    }

    private RecurrentLayer Gated() => Model == "lstm" ? Lstm.Create(Vocabulary, nA, Vocabulary, Seed) : Gru.Create(Vocabulary, nA, Vocabulary, Seed);
}
