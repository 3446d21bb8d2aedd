namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's many-to-one loss over a padded batch (notebook 06's): yHat&lt;t&gt; = σ(z&lt;t&gt;) is p(positive) after
/// word t, and only each sentence's last real word T_j counts, with weight 1/m (the mean over the batch):
/// L = sum over t and j of w&lt;t&gt;_j L(yHat&lt;t&gt;_j, y_j), w&lt;t&gt;_j = 1/m at t = T_j and 0 elsewhere, with the
/// binary cross-entropy L(yHat, y) = -y log yHat - (1 - y) log(1 - yHat); so dz&lt;t&gt;_j = w&lt;t&gt;_j (yHat&lt;t&gt;_j - y_j).
/// </summary>
/// <param name="z">The logits z&lt;t&gt; = Wya a&lt;t&gt; + by at [t - 1], Tx matrices of shape (1, m).</param>
/// <param name="y">The labels y_j, 0 or 1, length m.</param>
/// <param name="lengths">T_j, the real length of sentence j, in 1 .. Tx; the steps after it are padding.</param>
/// <returns>new LastStepLoss(L, dz) with dz at [t - 1] of shape (1, m).</returns>
public delegate LastStepLoss LastStepLossFunction(Matrix[] z, int[] y, int[] lengths);
