namespace RnnNotebooks;

/// <summary>
/// The stacked weights a <see cref="IRecurrentCell"/> runs on (views of a layer's parameters, not copies).
/// </summary>
/// <param name="Wax">Wax, shape (G n_a, n_x): the gates' input weights stacked by rows (PyTorch's weight_ih_l0).</param>
/// <param name="Waa">Waa, shape (G n_a, n_a): the gates' recurrent weights (weight_hh_l0).</param>
/// <param name="Bax">bax, shape (G n_a): the input-side biases (bias_ih_l0); the RNN's ba.</param>
/// <param name="Baa">baa, shape (G n_a): the recurrent-side biases (bias_hh_l0); empty for the RNN, which has one bias.</param>
public readonly record struct CellWeights(Matrix Wax, Matrix Waa, double[] Bax, double[] Baa);
