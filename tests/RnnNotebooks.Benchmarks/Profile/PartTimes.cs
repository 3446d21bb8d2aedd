namespace RnnNotebooks.Benchmarks;

/// <summary>What <c>--profile</c> measured for one case: the median microseconds of each part and of the model's own pass, and whether the replay computes the model's bits.</summary>
internal sealed record PartTimes(BenchCase Case, IReadOnlyDictionary<Part, double> Microseconds, double ModelMicroseconds, int ScopesPerPass, bool MatchesModel)
{
    /// <summary>The parts added up: the replay's time less the cost of timing it.</summary>
    public double Sum => Microseconds.Values.Sum();

    /// <summary>Flops of the products in the time loop: Waa a, Wya a forward, Waa^T dG, Wya^T dz_y backward.</summary>
    public double ProductFlops => 2.0 * Case.T * Case.m * (2.0 * Case.Gates * Case.nA * Case.nA + 2.0 * Case.Vocabulary * Case.nA);

    /// <summary>Flops of the weight gradients: dWaa = Σ dG a^T and dWya = Σ dz_y a^T.</summary>
    public double WeightGradientFlops => 2.0 * Case.T * Case.m * (Case.Gates * Case.nA * Case.nA + Case.Vocabulary * Case.nA);

    /// <summary>GFLOP/s of the products in the time loop.</summary>
    public double ProductGflops => ProductFlops / Microseconds[Part.Products] / 1e3;

    /// <summary>GFLOP/s of the weight gradients.</summary>
    public double WeightGradientGflops => WeightGradientFlops / Microseconds[Part.WeightGradients] / 1e3;

    /// <summary>"1234 (45%)": a part's microseconds and its share of <see cref="Sum"/>.</summary>
    public string Cell(Part part) => $"{Microseconds[part]:F0} ({100.0 * Microseconds[part] / Sum:F0}%)";
}
