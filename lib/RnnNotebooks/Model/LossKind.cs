namespace RnnNotebooks;

/// <summary>
/// The per-step loss L&lt;t&gt;, fixed by g2 so that dL&lt;t&gt;/dz = yHat - y in every case
/// (z = Wya a&lt;t&gt; + by are the logits).
/// </summary>
public enum LossKind
{
    /// <summary>Softmax head: L = -log yHat_c for the true class c.</summary>
    CrossEntropy,

    /// <summary>Sigmoid head: L = -sum_i [y_i log yHat_i + (1 - y_i) log(1 - yHat_i)].</summary>
    BinaryCrossEntropy,

    /// <summary>Identity head: L = 1/2 sum_i (yHat_i - y_i)^2.</summary>
    SquaredError,
}
