using RnnNotebooks;
using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// The English-to-French translator of notebook 05 and <c>rnnbook train translate</c>, in one place so both train the same
/// model: attention over subwords (byte-pair encoding of each language), GRU cells in both encoder directions and the
/// decoder, and its score, corpus BLEU on the held-out English sentences against all their translations.
/// </summary>
public static class TatoebaTranslator
{
    /// <summary>N, the byte-pair merges each language learns.</summary>
    public const int Merges = 1000;

    /// <summary>n_a per encoder direction (the decoder's n_s is twice this).</summary>
    public const int nA = 32;

    /// <summary>n_att, the attention's hidden size.</summary>
    public const int nAtt = 32;

    /// <summary>The recurrent cell of encoder and decoder.</summary>
    public const RecurrentCell Cell = RecurrentCell.Gru;

    /// <summary>The epochs notebook 05 trains (inside its time limit).</summary>
    public const int NotebookEpochs = 5;

    /// <summary>The beam width <c>rnnbook predict translate</c> decodes with: 3, which notebook 05 measures above greedy at every seed.</summary>
    public const int BeamWidth = 3;

    /// <summary>A new translator with seeded random weights and subword vocabularies learnt from the training pairs.</summary>
    /// <param name="train">(English, French) training pairs.</param>
    /// <param name="seed">The seed of the weights.</param>
    public static Translator Create(IReadOnlyList<(string English, string French)> train, int seed) =>
        Translator.Create(train, TranslatorKind.Attention, TokenLevel.Subwords, nA, nAtt, seed, cell: Cell, merges: Merges);

    /// <summary>The pairs as a translator trains on them.</summary>
    public static IReadOnlyList<(string English, string French)> Pairs(IEnumerable<TranslationPair> pairs) =>
        pairs.Select(p => (p.English, p.French)).ToList();

    /// <summary>
    /// Corpus BLEU of <paramref name="translator"/> on the distinct English sentences of <paramref name="heldOut"/>, each
    /// against every French translation it has there, all as <see cref="SentenceTokens"/> (greedy for k = 1, else beam).
    /// </summary>
    public static BleuScore HeldOutBleu(Translator translator, IReadOnlyList<TranslationPair> heldOut, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(heldOut);
        var english = heldOut.Select(p => p.English).Distinct().ToList();
        var references = english.Select(e => (IReadOnlyList<IReadOnlyList<string>>)heldOut.Where(p => p.English == e)
            .Select(p => SentenceTokens.Of(p.French)).ToList()).ToList();
        return Bleu.Corpus(english.Select(e => translator.Explain(e, k).Tokens).ToList(), references);
    }
}
