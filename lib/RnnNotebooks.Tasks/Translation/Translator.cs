using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// An encoder-decoder with its vocabularies: text in, text out, by greedy or beam search. The dates of notebook 05 are
/// read character by character; the sentences word by word or subword by subword. A word or character it does not know
/// is read as &lt;unk&gt; (subwords: as smaller subwords, down to bytes), so every input gets an answer; a subword translator
/// never writes &lt;unk&gt;.
/// </summary>
public sealed class Translator
{
    /// <summary>A translator over a model and its vocabularies.</summary>
    /// <param name="model">The model; its n_x and n_y must be the vocabularies' sizes.</param>
    /// <param name="kind">Which model it is.</param>
    /// <param name="source">The source vocabulary.</param>
    /// <param name="target">The target vocabulary.</param>
    /// <param name="maxOutputLength">The most tokens an output may have, end token included.</param>
    /// <exception cref="ArgumentException">The sizes disagree (the message names them).</exception>
    public Translator(ISequenceToSequence model, TranslatorKind kind, TranslationVocabulary source, TranslationVocabulary target, int maxOutputLength)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOutputLength);
        if (model.SourceSize != source.Count || model.TargetSize != target.Count)
        {
            throw new ArgumentException($"the model reads n_x = {model.SourceSize} and writes n_y = {model.TargetSize} tokens; the vocabularies have {source.Count} and {target.Count}.", nameof(model));
        }
        (Model, Kind, Source, Target, MaxOutputLength) = (model, kind, source, target, maxOutputLength);
    }

    /// <summary>A new translator with seeded random weights, its vocabularies built from the training pairs.</summary>
    /// <param name="pairs">(input, output) texts to build the vocabularies from.</param>
    /// <param name="kind">Which model.</param>
    /// <param name="level">Characters, words or subwords.</param>
    /// <param name="nA">n_a (per encoder direction for attention).</param>
    /// <param name="nAtt">n_att (attention only).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="minCount">How often a character or word must occur in training to get its own id (not for subwords).</param>
    /// <param name="cell">The recurrent cell of encoder and decoder: the note's RNN (notebook 05), a GRU or an LSTM.</param>
    /// <param name="merges">The most byte-pair merges each language learns from its side of the pairs (subwords only).</param>
    public static Translator Create(IReadOnlyList<(string Input, string Output)> pairs, TranslatorKind kind, TokenLevel level, int nA, int nAtt, int seed,
        int minCount = 1, RecurrentCell cell = RecurrentCell.Rnn, int merges = 1000)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var (source, target) = level == TokenLevel.Subwords
            ? (TranslationVocabulary.BuildSubwords(pairs.Select(p => p.Input), merges, everyToken: true),
               TranslationVocabulary.BuildSubwords(pairs.Select(p => p.Output), merges, everyToken: false))
            : (TranslationVocabulary.Build(pairs.Select(p => p.Input), level, minCount), TranslationVocabulary.Build(pairs.Select(p => p.Output), level, minCount));
        int maxLength = pairs.Max(p => target.Split(p.Output).Count) + 5;
        ISequenceToSequence model = kind == TranslatorKind.Attention
            ? AttentionEncoderDecoder.Create(source.Count, nA, nAtt, target.Count, seed, cell)
            : EncoderDecoder.Create(source.Count, nA, target.Count, seed, cell);
        return new Translator(model, kind, source, target, maxLength);
    }

    /// <summary>The model.</summary>
    public ISequenceToSequence Model { get; }

    /// <summary>Which model.</summary>
    public TranslatorKind Kind { get; }

    /// <summary>The recurrent cell of encoder and decoder (<see cref="RecurrentCell.Rnn"/> for a model of another type).</summary>
    public RecurrentCell Cell => Model switch
    {
        EncoderDecoder plain => plain.Cell,
        AttentionEncoderDecoder attention => attention.Cell,
        _ => RecurrentCell.Rnn,
    };

    /// <summary>The source vocabulary.</summary>
    public TranslationVocabulary Source { get; }

    /// <summary>The target vocabulary.</summary>
    public TranslationVocabulary Target { get; }

    /// <summary>The most tokens an output may have, end token included.</summary>
    public int MaxOutputLength { get; }

    /// <summary>The output text for <paramref name="input"/>: greedy for k = 1, else beam search of width k.</summary>
    public string Translate(string input, int k = 1) => Explain(input, k).Output;

    /// <summary>The outputs for many inputs.</summary>
    public IReadOnlyList<string> Translate(IEnumerable<string> inputs, int k = 1) => inputs.Select(input => Translate(input, k)).ToList();

    /// <summary>The output with the tokens that made it, its log-probability and (for an attention model) its attention weights.</summary>
    public Translation Explain(string input, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ids = Source.Encode(input);
        // A subword translator never writes <pad>, <unk> or <s>: its targets hold none of the three, so its model gives them
        // almost no probability; the mask makes "never" exact, and greedy and beam search pick among the real tokens and </s>.
        IStepDecoder decoder = Target.Level == TokenLevel.Subwords
            ? new TokenMask(Model.Decoder(ids), TranslationVocabulary.PadId, TranslationVocabulary.UnknownId, TranslationVocabulary.StartId)
            : Model.Decoder(ids);
        var best = k == 1
            ? SequenceSearch.Greedy(decoder, TranslationVocabulary.StartId, TranslationVocabulary.EndId, MaxOutputLength)
            : SequenceSearch.Beam(decoder, TranslationVocabulary.StartId, TranslationVocabulary.EndId, MaxOutputLength, k)[0];
        return new Translation(input, Target.Decode(best.Tokens), ids.Select(id => Source.Tokens[id]).ToList(),
            best.Tokens.Select(id => Target.Tokens[id]).ToList(), best)
        {
            Level = Target.Level,
            Alignment = Model is AttentionEncoderDecoder attention ? () => attention.Alignment(ids, TranslationVocabulary.StartId, best.Tokens) : null,
        };
    }

    /// <summary>The mean loss per output token over pairs (teacher forcing), in batches by source length.</summary>
    public double MeanLoss(IReadOnlyList<(string Input, string Output)> pairs, int batchSize = 64)
    {
        var batches = TranslatorTraining.Batches(this, pairs, batchSize, random: null);
        double total = 0;
        int tokens = 0;
        foreach (var (batch, count) in batches)
        {
            total += Model.Loss(batch.X, batch.YIn, batch.Y) * count; // the batch's loss is its mean per token
            tokens += count;
        }
        return total / tokens;
    }

    /// <summary>Saves the weights to PATH.safetensors and the description to PATH.json (PATH with or without either extension).</summary>
    public void Save(string path) => TranslatorFile.Save(this, path);

    /// <summary>Loads a translator saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed or the two do not belong together (the message names the file).</exception>
    public static Translator Load(string path) => TranslatorFile.Load(path);
}
