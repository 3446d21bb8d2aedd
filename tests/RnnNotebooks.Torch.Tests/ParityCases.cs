namespace RnnNotebooks.Torch.Tests;

/// <summary>The table of parity cases, plus a few drawn at random from fixed seeds.</summary>
public static class ParityCases
{
    private const Activation Tanh = Activation.Tanh, Relu = Activation.Relu;
    private const Activation Softmax = Activation.Softmax, Sigmoid = Activation.Sigmoid, Identity = Activation.Identity;

    /// <summary>Hand-picked cases: every g1 x g2, one-hot and dense, each kind of weights, a0 zero and random, Tx 1..100, n_a up to 128, m up to 8.</summary>
    public static readonly ParityCase[] Table =
    [
        new("tanh-softmax-onehot-T1", Tanh, Softmax, 1, 5, 3, 5, 1, true, Weights.None, false, 1),
        new("tanh-softmax-onehot-T10", Tanh, Softmax, 10, 27, 16, 27, 1, true, Weights.None, false, 2),
        new("tanh-softmax-onehot-masked-a0", Tanh, Softmax, 12, 11, 8, 11, 4, true, Weights.Mask, true, 3),
        new("tanh-softmax-dense-a0", Tanh, Softmax, 7, 6, 5, 4, 3, false, Weights.None, true, 4),
        new("relu-softmax-onehot", Relu, Softmax, 20, 10, 12, 10, 2, true, Weights.None, false, 5),
        new("relu-softmax-dense-masked-a0", Relu, Softmax, 15, 8, 16, 5, 5, false, Weights.Mask, true, 6),
        new("tanh-sigmoid-dense", Tanh, Sigmoid, 9, 4, 6, 3, 3, false, Weights.None, false, 7),
        new("tanh-sigmoid-onehot-laststep", Tanh, Sigmoid, 10, 7, 9, 4, 4, true, Weights.LastStep, false, 8),
        new("relu-sigmoid-dense-a0", Relu, Sigmoid, 25, 5, 10, 2, 6, false, Weights.Random, true, 9),
        new("tanh-identity-dense", Tanh, Identity, 8, 3, 4, 2, 2, false, Weights.None, false, 10),
        new("relu-identity-dense-masked-a0", Relu, Identity, 30, 6, 20, 3, 8, false, Weights.Mask, true, 11),
        new("tanh-identity-onehot-m1", Tanh, Identity, 5, 9, 7, 1, 1, true, Weights.None, false, 12),
        new("tanh-softmax-dense-laststep", Tanh, Softmax, 40, 6, 24, 3, 8, false, Weights.LastStep, false, 13),
        new("tanh-softmax-onehot-T100", Tanh, Softmax, 100, 27, 64, 27, 1, true, Weights.None, false, 14),
        new("tanh-softmax-onehot-T100-na128-m8-masked-a0", Tanh, Softmax, 100, 27, 128, 27, 8, true, Weights.Mask, true, 15),
        new("relu-softmax-onehot-T100-na128-m8-a0", Relu, Softmax, 100, 27, 128, 27, 8, true, Weights.None, true, 16),
        new("tanh-sigmoid-dense-T100-na128-m8-masked-a0", Tanh, Sigmoid, 100, 16, 128, 8, 8, false, Weights.Mask, true, 17),
        new("relu-identity-dense-T100-a0", Relu, Identity, 100, 8, 32, 4, 4, false, Weights.Random, true, 18),
    ];

    /// <summary>Cases drawn from fixed seeds over the same ranges.</summary>
    public static IEnumerable<ParityCase> Seeded() => new[] { 101, 202, 303, 404 }.Select(Draw);

    /// <summary>Every case by name, for xunit rows.</summary>
    public static IReadOnlyDictionary<string, ParityCase> ByName { get; } = Table.Concat(Seeded()).ToDictionary(c => c.Name);

    private static ParityCase Draw(int seed)
    {
        var r = new Random(seed);
        var g1 = r.Next(2) == 0 ? Tanh : Relu;
        var g2 = new[] { Softmax, Sigmoid, Identity }[r.Next(3)];
        bool oneHot = r.Next(2) == 0;
        var weights = (Weights)r.Next(4);
        int tx = r.Next(1, 101), nX = r.Next(1, 30), nA = r.Next(1, 129), nY = r.Next(1, 20), m = r.Next(1, 9);
        bool a0 = r.Next(2) == 0;
        return new ParityCase($"seed{seed}-{g1}-{g2}-{(oneHot ? "onehot" : "dense")}-{weights}-T{tx}-nx{nX}-na{nA}-ny{nY}-m{m}{(a0 ? "-a0" : "")}",
            g1, g2, tx, nX, nA, nY, m, oneHot, weights, a0, seed);
    }
}
