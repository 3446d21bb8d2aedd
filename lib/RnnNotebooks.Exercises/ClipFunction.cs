namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's clipping by global norm: when ‖g‖ = sqrt(sum over every gradient of g²) exceeds maxNorm, every gradient
/// is scaled by maxNorm / ‖g‖; otherwise none changes.
/// </summary>
/// <param name="gradients">The gradients, e.g. dWaa, dWax, dWya, each any shape.</param>
/// <param name="maxNorm">The largest global norm allowed, &gt; 0.</param>
/// <returns>The clipped gradients, same count and shapes (changing the given ones in place and returning them is fine).</returns>
public delegate Matrix[] ClipFunction(Matrix[] gradients, double maxNorm);
