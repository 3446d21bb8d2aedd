namespace RnnNotebooks.Exercises;

/// <summary>What the masked last-step loss gives back (see <see cref="LastStepLossFunction"/>).</summary>
/// <param name="L">The loss, (1/m) sum over j of L(yHat&lt;T_j&gt;_j, y_j).</param>
/// <param name="dz">dL/dz&lt;t&gt; at [t - 1], Tx matrices of shape (1, m): (1/m)(σ(z) - y) at t = T_j, 0 elsewhere.</param>
public sealed record LastStepLoss(double L, Matrix[] dz);
