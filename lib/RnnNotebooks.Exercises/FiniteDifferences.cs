namespace RnnNotebooks.Exercises;

/// <summary>The central-difference side of a gradient grader: the reader's gradient against (L(θ+ε) - L(θ-ε)) / 2ε.</summary>
internal static class FiniteDifferences
{
    /// <summary>A relative error above this fails the check; a right gradient of these small cases gives about 1e-10.</summary>
    public const double Limit = 1e-6;

    /// <summary>Null when the reader's gradient passes the check, else a message naming the value and the error.</summary>
    /// <param name="name">The gradient's name, e.g. "dWaa".</param>
    /// <param name="values">θ, perturbed in place and restored.</param>
    /// <param name="analytic">The reader's dL/dθ.</param>
    /// <param name="loss">L from the current θ.</param>
    /// <param name="where">The case.</param>
    public static string? Problem(string name, double[] values, double[] analytic, Func<double> loss, string where)
    {
        var check = GradientCheck.Compare(name, values, analytic, loss);
        return check.RelativeError <= Limit ? null
            : $"{name} fails the gradient check: relative error {Comparison.Number(check.RelativeError)} against central differences ({where}).";
    }

    /// <summary>The largest relative error of the checks run, for the verdict's message.</summary>
    public static double Worst(IEnumerable<GradientCheckResult> checks) => checks.Max(c => c.RelativeError);
}
