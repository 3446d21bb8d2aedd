namespace RnnNotebooks.Torch.Tests;

/// <summary>The table of parity cases, plus a few drawn at random from fixed seeds.</summary>
public static class ParityCases
{
    private const Activation Tanh = Activation.Tanh, Relu = Activation.Relu;
    private const Activation Softmax = Activation.Softmax, Sigmoid = Activation.Sigmoid, Identity = Activation.Identity;

    /// <summary>Hand-picked cases: every g1 x g2, one-hot and dense, each kind of weights, a0 zero and random, Tx 1..100, n_a up to 128, m up to 8.</summary>
    public static readonly ParityCase[] Table =
    [
        new(Name: "tanh-softmax-onehot-T1", G1: Tanh, G2: Softmax, Tx: 1, nX: 5, nA: 3, nY: 5, m: 1,
            OneHot: true, Weights: Weights.None, RandomA0: false, Seed: 1),
        new(Name: "tanh-softmax-onehot-T10", G1: Tanh, G2: Softmax, Tx: 10, nX: 27, nA: 16, nY: 27, m: 1,
            OneHot: true, Weights: Weights.None, RandomA0: false, Seed: 2),
        new(Name: "tanh-softmax-onehot-masked-a0", G1: Tanh, G2: Softmax, Tx: 12, nX: 11, nA: 8, nY: 11, m: 4,
            OneHot: true, Weights: Weights.Mask, RandomA0: true, Seed: 3),
        new(Name: "tanh-softmax-dense-a0", G1: Tanh, G2: Softmax, Tx: 7, nX: 6, nA: 5, nY: 4, m: 3,
            OneHot: false, Weights: Weights.None, RandomA0: true, Seed: 4),
        new(Name: "relu-softmax-onehot", G1: Relu, G2: Softmax, Tx: 20, nX: 10, nA: 12, nY: 10, m: 2,
            OneHot: true, Weights: Weights.None, RandomA0: false, Seed: 5),
        new(Name: "relu-softmax-dense-masked-a0", G1: Relu, G2: Softmax, Tx: 15, nX: 8, nA: 16, nY: 5, m: 5,
            OneHot: false, Weights: Weights.Mask, RandomA0: true, Seed: 6),
        new(Name: "tanh-sigmoid-dense", G1: Tanh, G2: Sigmoid, Tx: 9, nX: 4, nA: 6, nY: 3, m: 3,
            OneHot: false, Weights: Weights.None, RandomA0: false, Seed: 7),
        new(Name: "tanh-sigmoid-onehot-laststep", G1: Tanh, G2: Sigmoid, Tx: 10, nX: 7, nA: 9, nY: 4, m: 4,
            OneHot: true, Weights: Weights.LastStep, RandomA0: false, Seed: 8),
        new(Name: "relu-sigmoid-dense-a0", G1: Relu, G2: Sigmoid, Tx: 25, nX: 5, nA: 10, nY: 2, m: 6,
            OneHot: false, Weights: Weights.Random, RandomA0: true, Seed: 9),
        new(Name: "tanh-identity-dense", G1: Tanh, G2: Identity, Tx: 8, nX: 3, nA: 4, nY: 2, m: 2,
            OneHot: false, Weights: Weights.None, RandomA0: false, Seed: 10),
        new(Name: "relu-identity-dense-masked-a0", G1: Relu, G2: Identity, Tx: 30, nX: 6, nA: 20, nY: 3, m: 8,
            OneHot: false, Weights: Weights.Mask, RandomA0: true, Seed: 11),
        new(Name: "tanh-identity-onehot-m1", G1: Tanh, G2: Identity, Tx: 5, nX: 9, nA: 7, nY: 1, m: 1,
            OneHot: true, Weights: Weights.None, RandomA0: false, Seed: 12),
        new(Name: "tanh-softmax-dense-laststep", G1: Tanh, G2: Softmax, Tx: 40, nX: 6, nA: 24, nY: 3, m: 8,
            OneHot: false, Weights: Weights.LastStep, RandomA0: false, Seed: 13),
        new(Name: "tanh-softmax-onehot-T100", G1: Tanh, G2: Softmax, Tx: 100, nX: 27, nA: 64, nY: 27, m: 1,
            OneHot: true, Weights: Weights.None, RandomA0: false, Seed: 14),
        new(Name: "tanh-softmax-onehot-T100-na128-m8-masked-a0", G1: Tanh, G2: Softmax, Tx: 100, nX: 27, nA: 128, nY: 27, m: 8,
            OneHot: true, Weights: Weights.Mask, RandomA0: true, Seed: 15),
        new(Name: "relu-softmax-onehot-T100-na128-m8-a0", G1: Relu, G2: Softmax, Tx: 100, nX: 27, nA: 128, nY: 27, m: 8,
            OneHot: true, Weights: Weights.None, RandomA0: true, Seed: 16),
        new(Name: "tanh-sigmoid-dense-T100-na128-m8-masked-a0", G1: Tanh, G2: Sigmoid, Tx: 100, nX: 16, nA: 128, nY: 8, m: 8,
            OneHot: false, Weights: Weights.Mask, RandomA0: true, Seed: 17),
        new(Name: "relu-identity-dense-T100-a0", G1: Relu, G2: Identity, Tx: 100, nX: 8, nA: 32, nY: 4, m: 4,
            OneHot: false, Weights: Weights.Random, RandomA0: true, Seed: 18),
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
        return new ParityCase(Name: $"seed{seed}-{g1}-{g2}-{(oneHot ? "onehot" : "dense")}-{weights}-T{tx}-nx{nX}-na{nA}-ny{nY}-m{m}{(a0 ? "-a0" : "")}",
            G1: g1, G2: g2, Tx: tx, nX: nX, nA: nA, nY: nY, m: m, OneHot: oneHot, Weights: weights, RandomA0: a0, Seed: seed);
    }
}
