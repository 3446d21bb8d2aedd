namespace RnnNotebooks.Tasks;

/// <summary>
/// The baseline a sentiment RNN must beat: logistic regression on word counts, blind to word order.
/// <code>
/// c_k      = how often word k occurs in the sentence               (V), &lt;unk&gt; counts the unknown words
/// yHat     = sigmoid(w · c + b)                                     p(positive)
/// L        = (1 / N) sum_i [-y_i log yHat_i - (1 - y_i) log(1 - yHat_i)] + (lambda / 2) |w|²
/// dL/dw    = (1 / N) sum_i (yHat_i - y_i) c_i + lambda w,    dL/db = (1 / N) sum_i (yHat_i - y_i)
/// </code>
/// Trained by full-batch Adam on the same training sentences and tokens as the RNN (<see cref="SentimentTokenizer"/>).
/// </summary>
public sealed class BagOfWordsBaseline
{
    private readonly double[] w;
    private readonly double[] b = new double[1];
    private readonly double[] dW;
    private readonly double[] dB = new double[1];

    private BagOfWordsBaseline(WordVocabulary words, double lambda)
    {
        Words = words;
        Lambda = lambda;
        w = new double[words.Count];
        dW = new double[words.Count];
    }

    /// <summary>The vocabulary: entry k of w is the weight of word k.</summary>
    public WordVocabulary Words { get; }

    /// <summary>lambda, the L2 penalty on w.</summary>
    public double Lambda { get; }

    /// <summary>w (V) and b (1), as an optimiser sees them.</summary>
    public IReadOnlyList<ParameterView> Tensors => [new("w", w, 1, w.Length), new("b", b, 1, 1) { IsVector = true }];

    /// <summary>dL/dw and dL/db of the last <see cref="ComputeGradients"/>, in the order of <see cref="Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> GradientTensors => [new("dw", dW, 1, dW.Length), new("db", dB, 1, 1) { IsVector = true }];

    /// <summary>The weight of a word: how much one more occurrence moves the log-odds of "positive".</summary>
    /// <param name="word">A word as the tokenizer writes it.</param>
    public double WeightOf(string word) => w[Words.IdOf(word)];

    /// <summary>A baseline trained on tokenised sentences and their labels.</summary>
    /// <param name="sentences">The training sentences' tokens.</param>
    /// <param name="labels">Their labels, 0 or 1.</param>
    /// <param name="steps">Full-batch Adam steps.</param>
    /// <param name="learningRate">Adam's alpha.</param>
    /// <param name="lambda">The L2 penalty on w.</param>
    /// <param name="minWordCount">How often a word must occur in training to get a weight of its own.</param>
    public static BagOfWordsBaseline Train(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<int> labels,
        int steps = 300, double learningRate = 0.05, double lambda = 1e-3, int minWordCount = 1)
    {
        var baseline = Create(sentences, lambda, minWordCount);
        var counts = baseline.Counts(sentences);
        var optimizer = new Adam(learningRate);
        for (int step = 0; step < steps; step++)
        {
            baseline.ComputeGradients(counts, labels);
            optimizer.Step(baseline.Tensors, baseline.GradientTensors);
        }
        return baseline;
    }

    /// <summary>An untrained baseline (w = 0, b = 0) over the words of <paramref name="sentences"/>.</summary>
    /// <param name="sentences">The training sentences' tokens.</param>
    /// <param name="lambda">The L2 penalty on w.</param>
    /// <param name="minWordCount">How often a word must occur to get a weight of its own.</param>
    public static BagOfWordsBaseline Create(IReadOnlyList<IReadOnlyList<string>> sentences, double lambda = 1e-3, int minWordCount = 1)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        return new BagOfWordsBaseline(WordVocabulary.Build(sentences, minWordCount), lambda);
    }

    /// <summary>c for each sentence, as sparse (word id, count) pairs.</summary>
    /// <param name="sentences">Tokenised sentences.</param>
    public IReadOnlyList<(int Id, int Count)[]> Counts(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return sentences.Select(s => s.GroupBy(Words.IdOf).Select(g => (g.Key, g.Count())).OrderBy(p => p.Key).ToArray()).ToList();
    }

    /// <summary>yHat = sigmoid(w · c + b) for each sentence.</summary>
    /// <param name="sentences">Tokenised sentences (an empty one gives sigmoid(b)).</param>
    public double[] Predict(IReadOnlyList<IReadOnlyList<string>> sentences) => Counts(sentences).Select(Probability).ToArray();

    /// <summary>L, the mean cross-entropy plus the penalty, on counted sentences.</summary>
    /// <param name="counts">From <see cref="Counts"/>.</param>
    /// <param name="labels">The labels, 0 or 1.</param>
    public double Loss(IReadOnlyList<(int Id, int Count)[]> counts, IReadOnlyList<int> labels)
    {
        CheckLabels(counts, labels);
        double total = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            double z = Logit(counts[i]);
            total += Softplus(z) - labels[i] * z; // -y log sigmoid(z) - (1 - y) log(1 - sigmoid(z)), from the logit
        }
        return total / counts.Count + 0.5 * Lambda * w.Sum(v => v * v);
    }

    /// <summary>Fills <see cref="GradientTensors"/> with dL/dw and dL/db and returns L.</summary>
    /// <param name="counts">From <see cref="Counts"/>.</param>
    /// <param name="labels">The labels, 0 or 1.</param>
    public double ComputeGradients(IReadOnlyList<(int Id, int Count)[]> counts, IReadOnlyList<int> labels)
    {
        double loss = Loss(counts, labels);
        for (int k = 0; k < w.Length; k++)
        {
            dW[k] = Lambda * w[k];                  // d(lambda/2 |w|²)/dw = lambda w
        }
        dB[0] = 0;
        double n = counts.Count;
        for (int i = 0; i < counts.Count; i++)
        {
            double dz = (Probability(counts[i]) - labels[i]) / n; // dL/dz_i = (yHat_i - y_i) / N
            foreach (var (id, count) in counts[i])
            {
                dW[id] += dz * count;               // dL/dw += dz_i c_i
            }
            dB[0] += dz;
        }
        return loss;
    }

    private double Logit((int Id, int Count)[] c)
    {
        double z = b[0];
        foreach (var (id, count) in c)
        {
            z += w[id] * count;
        }
        return z;
    }

    private double Probability((int Id, int Count)[] c) => CanonicalMath.Sigmoid(Logit(c));

    private static double Softplus(double z) => z > 0 ? z + CanonicalMath.Log(1 + CanonicalMath.Exp(-z)) : CanonicalMath.Log(1 + CanonicalMath.Exp(z));

    private static void CheckLabels(IReadOnlyList<(int Id, int Count)[]> counts, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(labels);
        if (counts.Count == 0 || counts.Count != labels.Count)
        {
            throw new ArgumentException($"{counts.Count} sentences and {labels.Count} labels; need at least one sentence and one label each.", nameof(labels));
        }
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] is not (0 or 1))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"label {i} is {labels[i]}; expected 0 or 1.");
            }
        }
    }
}
