namespace RnnNotebooks.Tasks;

/// <summary>
/// How the application models (<see cref="NerTagger"/>, <see cref="SentimentClassifier"/>, <see cref="TokenLanguageModel"/>)
/// make, reload and expose their recurrent layer of the chosen <see cref="RecurrentCell"/>: the note's RNN exactly as
/// before cells could be chosen (same draws, same bits), or a GRU or LSTM through <see cref="IRecurrentLayer"/>.
/// </summary>
internal static class CellLayers
{
    /// <summary>A layer with seeded random weights: <see cref="Rnn.Create"/> with g1 for the RNN, <see cref="RecurrentLayers.Create"/> otherwise.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y.</param>
    /// <param name="seed">The seed of the weights.</param>
    /// <param name="g1">The RNN's hidden activation (gated cells have theirs fixed).</param>
    /// <param name="g2">The output activation.</param>
    public static IRecurrentLayer Create(RecurrentCell cell, int nX, int nA, int nY, int seed, Activation g1, Activation g2) =>
        cell == RecurrentCell.Rnn ? Rnn.Create(nX, nA, nY, seed, g1, g2) : RecurrentLayers.Create(cell, nX, nA, nY, seed, g2);

    /// <summary>A layer of the given cell and sizes with the weights saved under <paramref name="prefix"/> in <paramref name="file"/>.</summary>
    /// <exception cref="InvalidDataException">A tensor is missing or has another shape (the message names the file and tensor).</exception>
    public static IRecurrentLayer Load(SafeTensorsFile file, string prefix, RecurrentCell cell, (int nX, int nA, int nY) sizes, Activation g1, Activation g2)
    {
        var parameters = RecurrentLayers.Zeros(cell, sizes.nX, sizes.nA, sizes.nY);
        parameters.LoadFrom(file, prefix);
        return RecurrentLayers.Over(parameters, g1, g2);
    }

    /// <summary>Zero gradients of a layer's parameters for one sample, in the order of their tensors (the first backward pass replaces them).</summary>
    public static IRecurrentGradients ZeroGradients(IRecurrentLayer layer)
    {
        var (nX, nA, nY) = layer.Sizes;
        return layer.Parameters is GatedParameters gated
            ? new GatedGradients(gated.Gates, nX, nA, nY, 1, gated.Cell == RecurrentCell.Lstm)
            : new RnnGradients(nX, nA, nY, 1);
    }

    /// <summary>g1 of an RNN; tanh, the candidate's activation, for a GRU or LSTM.</summary>
    public static Activation G1Of(IRecurrentLayer layer) => layer is Rnn rnn ? rnn.G1 : Activation.Tanh;

    /// <summary>The layer as an <see cref="Rnn"/>, for a member typed Rnn from before cells could be chosen.</summary>
    /// <param name="layer">The model's layer.</param>
    /// <param name="member">The member asked for, e.g. "SentimentClassifier.Rnn".</param>
    /// <param name="instead">The member to use for any cell, e.g. "SentimentClassifier.Layer".</param>
    /// <exception cref="InvalidOperationException">The layer runs GRU or LSTM cells (the message names <paramref name="instead"/>).</exception>
    public static Rnn AsRnn(IRecurrentLayer layer, string member, string instead) => layer as Rnn
        ?? throw new InvalidOperationException($"{member} is the note's RNN, but this model runs {layer.Cell} cells: use {instead} (an IRecurrentLayer) instead.");
}
