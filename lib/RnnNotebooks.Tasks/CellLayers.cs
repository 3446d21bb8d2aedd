namespace RnnNotebooks.Tasks;

/// <summary>
/// How the application models (<see cref="NerTagger"/>, <see cref="SentimentClassifier"/>, <see cref="TokenLanguageModel"/>)
/// make, reload and expose their one <see cref="RecurrentLayer"/> of the chosen <see cref="RecurrentCell"/> (the RNN's
/// weights drawn as before cells could be chosen: same draws, same bits).
/// </summary>
internal static class CellLayers
{
    /// <summary>A layer with seeded random weights (<see cref="RecurrentLayers.Create"/>: the RNN's drawn as <see cref="Rnn.Create"/> draws them).</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y.</param>
    /// <param name="seed">The seed of the weights.</param>
    /// <param name="g1">The RNN's hidden activation (gated cells have theirs fixed).</param>
    /// <param name="g2">The output activation.</param>
    public static RecurrentLayer Create(RecurrentCell cell, int nX, int nA, int nY, int seed, Activation g1, Activation g2) =>
        RecurrentLayers.Create(cell, nX, nA, nY, seed, g2, g1);

    /// <summary>A layer of the given cell and sizes with the weights saved under <paramref name="prefix"/> in <paramref name="file"/>.</summary>
    /// <exception cref="InvalidDataException">A tensor is missing or has another shape (the message names the file and tensor).</exception>
    public static RecurrentLayer Load(SafeTensorsFile file, string prefix, RecurrentCell cell, (int nX, int nA, int nY) sizes, Activation g1, Activation g2)
    {
        var parameters = RecurrentLayers.Zeros(cell, sizes.nX, sizes.nA, sizes.nY);
        parameters.LoadFrom(file, prefix);
        return RecurrentLayers.Over(parameters, g1, g2);
    }

    /// <summary>Zero gradients of a layer's parameters for one sample, in the order of their tensors (the first backward pass replaces them).</summary>
    public static RecurrentGradients ZeroGradients(RecurrentLayer layer)
    {
        var (nX, nA, nY) = layer.Sizes;
        return new RecurrentGradients(layer.Cell, nX, nA, nY, 1);
    }

    /// <summary>g1 of an RNN; tanh, the candidate's activation, for a GRU or LSTM.</summary>
    public static Activation G1Of(RecurrentLayer layer) => layer is Rnn rnn ? rnn.G1 : Activation.Tanh;
}
