namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's gradient of the softmax cross-entropy loss L = -sum over columns j of sum_k y_kj log softmax(z)_kj
/// with respect to the logits: dL/dz = yHat - y, yHat = softmax(z) column by column.
/// </summary>
/// <param name="z">The logits z = Wya a&lt;t&gt; + by, shape (n_y, m).</param>
/// <param name="y">The targets, one-hot columns, shape (n_y, m).</param>
/// <returns>dL/dz, shape (n_y, m).</returns>
public delegate Matrix SoftmaxGradientFunction(Matrix z, Matrix y);
