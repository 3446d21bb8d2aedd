// 06-many-to-one-sentiment.cs: notebooks/06-many-to-one-sentiment.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/06-many-to-one-sentiment.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:project ../../lib/RnnNotebooks.Scripts/RnnNotebooks.Scripts.csproj
#:project ../../lib/RnnNotebooks/RnnNotebooks.csproj
#:project ../../lib/RnnNotebooks.Data/RnnNotebooks.Data.csproj
#:project ../../lib/RnnNotebooks.Plots/RnnNotebooks.Plots.csproj
#:project ../../lib/RnnNotebooks.Tasks/RnnNotebooks.Tasks.csproj
#:project ../../lib/RnnNotebooks.Exercises/RnnNotebooks.Exercises.csproj

using RnnNotebooks.Scripts;
using static RnnNotebooks.Scripts.NotebookScript;
using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Exercises;
using RnnNotebooks.Plots;
using RnnNotebooks.Tasks;
using static RnnNotebooks.Scripts.Figures;

NotebookScript.Start();

// # 06 · Many-to-one: sentiment, and a model that reads *not* and *but*
//
// The note's third type of RNN reads a whole sequence and answers once, at the end: **many-to-one**. Its example is
// **sentiment classification**: read *the food was great but the service ruined it* word by word, then say whether the
// review is positive or negative. There is one target $y$ per sentence, and the loss is taken at the last step $T_x$ only.
//
// In this notebook you will:
//
// 1. look at short reviews written for this course (films, restaurants, products, hotels) in which **word order matters**:
//    negations (*not bad at all*, *never disappointed*) and contrasts (*great food, but the service ruined it*);
// 2. turn text into tokens (contractions such as *isn't* and *can't* handled on purpose), a vocabulary with an unknown
//    word, and a learned embedding;
// 3. build the many-to-one RNN from the core's pieces (embedding, RNN, sigmoid head, the masked loss at the last word)
//    and train it with padding, Adam and clipping against a **bag-of-words** baseline that cannot see word order;
// 4. score both on a held-out test split (accuracy, a confusion matrix, per kind of sentence) and on a table of
//    negations and contrasts;
// 5. read the prediction $\hat{y}^{\langle t \rangle}$ after every word and see where the RNN changes its mind;
// 6. try them on real reviews (UCI *Sentiment Labelled Sentences*: Amazon, IMDb, Yelp), each site held out in turn, where
//    the note's RNN loses to the bag of words; see why its last state forgets the start of a long review, and win back
//    the lead with a head that **pools every state**, dropout on the word vectors and a GRU cell;
// 7. save the model that `rnnbook predict sentiment` uses, and look at the **embedding** it learnt: the nearest words
//    of a word, and its word vectors on two principal components.
//
// It trains eleven small recurrent models and four baselines (30 to 65 seconds in all on a shared 2-core machine, more
// when it is busy; progress printed per epoch) and checks at its end that it ran in under 90 seconds.

// ## The libraries
//
// The core (`RnnNotebooks`: the RNN, the embedding, Adam), the datasets (`RnnNotebooks.Data`: the bundled reviews and
// the UCI loader), the charts (`RnnNotebooks.Plots`) and the classifier built from those pieces (`RnnNotebooks.Tasks`),
// and the exercise checks (`RnnNotebooks.Exercises`), all built by `dotnet build` at the repository root.

var clock = System.Diagnostics.Stopwatch.StartNew();

// ## 1. The task: one label per sentence
//
// | | $x^{\langle 1 \rangle}$ | $x^{\langle 2 \rangle}$ | $x^{\langle 3 \rangle}$ | $x^{\langle 4 \rangle}$ | $x^{\langle 5 \rangle}$ | $x^{\langle 6 \rangle}$ | $x^{\langle 7 \rangle}$ | $y$ |
// |---|---|---|---|---|---|---|---|---|
// | words | the | soup | was | not | bad | at | all | 1 (positive) |
//
// The bundled set (`data/sentiment/`, see its README) was written for this course by a seeded generator kept in
// `RnnNotebooks.Data`: 2,200 short reviews, half positive, of five kinds. *Plain* and *intensified* or *hedged*
// sentences (*the plot was truly awful*, *the room was fairly nice*) can be read word by word; **negated** ones
// (*the soup wasn't bad at all*) and **contrasts** (*great food, but the service ruined it*) cannot: there the label
// depends on the order of the words. The test split is written from its own sentence frames and names its own things
// (*the villain*, *the balcony*): none of its sentences is a training sentence with other words in the slots.

var bundled = BundledSentiment.Load();
var (train, dev, test) = (bundled.Train, bundled.Dev, bundled.Test);
Report("bundled train sentences", train.Count);
Report("bundled test sentences", test.Count);
Report("share of positive test sentences", test.Average(e => (double)e.Label));
NotebookScript.Show(Tables.FromRecords(SentimentKinds.All.Select(kind => test.First(e => e.Kind == kind))
    .Select(e => new { e.Kind, e.Text, e.Label })));

// How long the sentences are, in tokens, for each class (a many-to-one model reads them all, short and long):

int[] lengthBins = Enumerable.Range(1, 30).ToArray();
double[] LengthCounts(int label) => lengthBins.Select(n => (double)train.Count(e =>
    e.Label == label && SentimentTokenizer.Tokenize(e.Text).Count == n)).ToArray();
NotebookScript.Show(Charts.Bars("Sentence length in the bundled training split", "sentences", lengthBins.Select(n => n.ToString()).ToArray(),
    [("positive", LengthCounts(1)), ("negative", LengthCounts(0))]));

// The most frequent words of each class, punctuation and the most common function words left out. Both lists start
// the same: *not*, *but* and *never*, about as common in negative as in positive reviews. No adjective makes the top
// twelve: forty polarity words share the counts, and each occurs on both sides (*not great*, *great food, but ...*). A
// model that only counts words has little to go on for the negations and contrasts.

var stopWords = new HashSet<string> { "the", "this", "was", "is", "i", "we", "me", "us", "it", "a", "to", "my", "about", "there",
    "did", "do", "so", "overall", "be", "in", "well", "for", "honest", "honestly", "short", "at", "all", "as", "from", "that", "our",
    "their", "you", "will", "would", "can", "and", "of", "were", "has", "been", "found", "thought", "think", "say", "find", "however" };
IEnumerable<(string Word, int Count)> Frequent(int label) => train.Where(e => e.Label == label)
    .SelectMany(e => SentimentTokenizer.Tokenize(e.Text)).Where(w => char.IsLetter(w[0]) && !stopWords.Contains(w))
    .GroupBy(w => w).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key).Take(12);
NotebookScript.Show(Tables.FromRecords(Frequent(1).Zip(Frequent(0)).Select(p => new
{
    Positive = p.First.Word, InPositive = p.First.Count, Negative = p.Second.Word, InNegative = p.Second.Count,
})));

// ## 2. Tokens and a vocabulary
//
// The tokenizer lower-cases, splits words from punctuation, and **normalises every negation to the word *not***:
// *isn't* → *is not*, *can't* and *cannot* → *can not*, *won't* → *will not*, and the same without the apostrophe
// (*dont*, *isnt*) as real reviews often write it. So the model learns one vector for *not* from every way it is
// written, and can learn once what it does to the word after it. Other clitics come apart (*it's* → *it 's*).

NotebookScript.Show(Tables.FromRecords(new[] { "The soup wasn't bad at all.", "I can't recommend it, and I won't come back!",
    "It's not GREAT... but dont worry, cannot complain.", "Great food, but the service ruined it." }
    .Select(t => new { Text = t, Tokens = string.Join(" | ", SentimentTokenizer.Tokenize(t)) })));

// The vocabulary keeps the words seen at least twice in training (most frequent first), after id 0 `<pad>` (the
// padding after a shorter sentence) and id 1 `<unk>` (every other word). The test split names things the training
// split never does, so a share of its words are unknown:

IReadOnlyList<IReadOnlyList<string>> TokensOf(IEnumerable<SentimentExample> split) => split.Select(e => SentimentTokenizer.Tokenize(e.Text)).ToList();
var words = WordVocabulary.Build(TokensOf(train));
Report("vocabulary size", words.Count);
Report("unknown word share of the test tokens", words.UnknownRate(TokensOf(test)));
NotebookScript.Show(string.Join(" ", words.Words.Take(30)));

// ## 3. A baseline that cannot see order: a bag of words
//
// Logistic regression on word counts: $c_k$ is how often word $k$ occurs in the sentence, and
//
// $$\hat{y} = \sigma\left(w^{\top} c + b\right), \qquad \mathcal{L} = \frac{1}{N}\sum_{i=1}^{N} \left[-y_i \log \hat{y}_i - (1 - y_i) \log\left(1 - \hat{y}_i\right)\right] + \frac{\lambda}{2}\lVert w \rVert^2$$
//
// with $\frac{\partial \mathcal{L}}{\partial w} = \frac{1}{N}\sum_i (\hat{y}_i - y_i)\, c_i + \lambda w$ (the tests check it against
// central differences). *the soup was not bad* and *the soup was bad, not* have the same counts, so the same answer.

double AccuracyOf(double[] p, IReadOnlyList<SentimentExample> split) =>
    p.Zip(split).Average(z => (z.First >= 0.5 ? 1 : 0) == z.Second.Label ? 1.0 : 0.0);
var baseline = BagOfWordsBaseline.Train(TokensOf(train), train.Select(e => e.Label).ToList());
Report("bundled baseline test accuracy", AccuracyOf(baseline.Predict(TokensOf(test)), test));
Report("bag-of-words weight of 'great'", baseline.WeightOf("great"));
NotebookScript.Show(Tables.FromRecords(new[] { "great", "awful", "not", "but", "never", "ruined" }.Select(w => new { Word = w, Weight = Math.Round(baseline.WeightOf(w), 3) })));

// Its weights show what counting can learn here: *ruined* and *awful* pull hard towards negative, but *great* gets a
// weight near zero, because in this set *great* is negated (*not great*) or followed by a *but* about as often as it is
// praise; *not* and *but* carry next to nothing, since they occur in positive and negative reviews alike.

// ## 4. The many-to-one RNN in the note's equations
//
// Each word id picks a column of a learned embedding $E$ $(n_e, V)$; the note's RNN reads the sentence; the head is a
// sigmoid, so $\hat{y}^{\langle t \rangle}$ is $p(\text{positive})$ after reading words $1..t$:
//
// $$x^{\langle t \rangle} = E_{:,\,w^{\langle t \rangle}}, \qquad a^{\langle t \rangle} = \tanh\left(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a\right), \qquad \hat{y}^{\langle t \rangle} = \sigma\left(W_{ya} a^{\langle t \rangle} + b_y\right)$$
//
// Many-to-one: only the last word's output is scored. In a batch of $m$ sentences padded to the longest, sentence $j$
// ends at $T_j$, and the core's masked loss takes weights $w_j^{\langle t \rangle} = \frac{1}{m}$ at $t = T_j$ and $0$
// everywhere else (`SequenceTargets.LastStepOnly`, the same mechanism that masks padding in notebook 04):
//
// $$\mathcal{L} = \sum_{t=1}^{T_x} \sum_{j=1}^{m} w_j^{\langle t \rangle}\, L\left(\hat{y}_j^{\langle t \rangle}, y_j\right) = \frac{1}{m} \sum_{j=1}^{m} L\left(\hat{y}_j^{\langle T_j \rangle}, y_j\right)$$
//
// BPTT starts at each sentence's last word; the gradient reaches every earlier word through $W_{aa}$, and $E$ is trained
// through $dx^{\langle t \rangle}$. Training is Adam on minibatches of 32 sentences, the gradient clipped to norm 5, and
// each training word read as `<unk>` with probability 0.1 (word dropout), so `<unk>` learns what an unseen word does.

// ### Your turn: the many-to-one loss of a padded batch
//
// Write the loss above and its gradient with respect to the logits $z^{\langle t \rangle} = W_{ya} a^{\langle t \rangle} + b_y$,
// as the core computes them from `SequenceTargets.LastStepOnly`: for sentence $j$ only $t = T_j$ counts,
//
// $$\mathcal{L} = \frac{1}{m} \sum_{j=1}^{m} \left[-y_j \log \sigma\left(z_j^{\langle T_j \rangle}\right) - (1 - y_j) \log\left(1 - \sigma\left(z_j^{\langle T_j \rangle}\right)\right)\right], \qquad \frac{\partial \mathcal{L}}{\partial z_j^{\langle t \rangle}} = \begin{cases} \frac{1}{m}\left(\sigma\left(z_j^{\langle t \rangle}\right) - y_j\right) & t = T_j \\ 0 & \text{otherwise (earlier words and padding)} \end{cases}$$
//
// The check compares $\mathcal{L}$ and every $dz^{\langle t \rangle}$ with the core's masked loss and with central differences
// on random padded batches, and names the first wrong entry with its step and sentence. (`rnnbook run` runs the
// notebook's solution after your cell; `rnnbook run --as-written` grades yours.)

// Exercise: the notebook leaves this body to the reader:
// // z<t> = Wya a<t> + by at [t - 1]: Tx matrices (1, m); y: the m labels, 0 or 1; lengths: T_j in 1 .. Tx.
// // Return new LastStepLoss(L, dz) with dz<t> (1, m) at [t - 1]: nonzero only at each sentence's last word.
// LastStepLoss ManyToOneLoss(Matrix[] z, int[] y, int[] lengths)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
LastStepLoss ManyToOneLoss(Matrix[] z, int[] y, int[] lengths)
{
    int m = y.Length;
    var dz = z.Select(zt => new Matrix(1, zt.Cols)).ToArray();                          // 0 before the last word and on padding
    double L = 0;
    for (int j = 0; j < m; j++)
    {
        double zj = z[lengths[j] - 1][0, j];                                            // z<T_j> of sentence j
        L += (Math.Max(zj, 0) - zj * y[j] + Math.Log(1 + Math.Exp(-Math.Abs(zj)))) / m; // -log p(y_j), stable
        dz[lengths[j] - 1][0, j] = (1 / (1 + Math.Exp(-zj)) - y[j]) / m;                 // (yHat - y) / m
    }
    return new LastStepLoss(L, dz);
}

// <details><summary>Hint</summary>
//
// Start every $dz^{\langle t \rangle}$ at zero, then visit each sentence once, at its own last step `lengths[j] - 1`. For
// $\log \sigma(z)$ with a large $|z|$ use the stable form $\max(z, 0) - z y + \log\left(1 + e^{-|z|}\right)$.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// LastStepLoss ManyToOneLoss(Matrix[] z, int[] y, int[] lengths)
// {
//     int m = y.Length;
//     var dz = z.Select(zt => new Matrix(1, zt.Cols)).ToArray();                          // 0 before the last word and on padding
//     double L = 0;
//     for (int j = 0; j < m; j++)
//     {
//         double zj = z[lengths[j] - 1][0, j];                                            // z<T_j> of sentence j
//         L += (Math.Max(zj, 0) - zj * y[j] + Math.Log(1 + Math.Exp(-Math.Abs(zj)))) / m; // -log p(y_j), stable
//         dz[lengths[j] - 1][0, j] = (1 / (1 + Math.Exp(-zj)) - y[j]) / m;                 // (yHat - y) / m
//     }
//     return new LastStepLoss(L, dz);
// }
// ```
//
// </details>

var lossVerdict = Grade.LastStepLoss(ManyToOneLoss);
Report("exercise last-step-loss passed", lossVerdict.Passed ? 1 : 0);
NotebookScript.Show(lossVerdict);

var rnn = SentimentClassifier.Create(train.Select(e => e.Text).ToList(), new SentimentClassifierOptions { nE = 32, nA = 32, Seed = 1 });
Report("RNN parameters", rnn.ParameterCount);
NotebookScript.Show(rnn.Tensors.Select(t => $"{t.Name} {string.Join(" x ", t.Shape)}"));

// Each epoch prints its training loss, and the loss and accuracy on the dev split; the parameters of the epoch with the
// best dev accuracy are kept.

TrainingResult Train(SentimentClassifier model, IReadOnlyList<SentimentExample> trainOn, IReadOnlyList<SentimentExample> heldOut,
    SentimentTrainingOptions options, string name) =>
    SentimentTraining.Train(model, trainOn, heldOut, options, e => Console.WriteLine(
        $"{name}, epoch {e.Epoch}: train loss {e.TrainLoss:F3}, held-out loss {e.HeldOutLoss:F3}, held-out accuracy {e.HeldOutScore:F3}{Timing.Elapsed(e.Seconds)}"));
var run = Train(rnn, train, dev, new SentimentTrainingOptions { Epochs = 20, Seed = 1 }, "RNN");
Report("bundled RNN best epoch", run.BestEpoch);

Series Curve(string name, Func<TrainingEpoch, double> value) =>
    new(name, run.Epochs.Select(e => (double)e.Epoch).ToList(), run.Epochs.Select(value).ToList());
display(Charts.Lines("Training the RNN on the bundled set", "epoch", "loss per sentence",
    [Curve("train", e => e.TrainLoss), Curve("dev", e => e.HeldOutLoss)], markers: true));
NotebookScript.Show(Charts.Lines("Dev accuracy per epoch", "epoch", "accuracy", [Curve("dev", e => e.HeldOutScore)], markers: true));

// ## 5. Held-out scores
//
// On the test split only (its frames and things were never seen in training): accuracy, and the confusion matrix of the
// RNN, rows the gold label and columns the prediction.

var testTexts = test.Select(e => e.Text).ToList();
var rnnTest = rnn.Classify(testTexts);
var confusion = SentimentTraining.Confusion(rnnTest, test);
Report("bundled RNN test accuracy", confusion.Accuracy);
NotebookScript.Show(Charts.Heatmap($"RNN on the bundled test split: accuracy {confusion.Accuracy:F3}", confusion.ToArray(),
    ["gold negative", "gold positive"], ["predicted negative", "predicted positive"], "prediction", "gold"));

// This seed's accuracy, 0.835, is the best of five seeds of the model we tried (`rnnbook sweep`); the other four scored
// 0.73 to 0.75, all well above the bag of words' 0.65. Per kind of sentence: on plain, intensified and hedged sentences
// the counts say much of it; on negations and contrasts the bag of words gets about six in ten right (0.61), while the RNN
// reads the order (0.72 to 0.84 over the five seeds):

var baselineTest = baseline.Predict(TokensOf(test)).Select(p => p >= 0.5 ? 1 : 0).ToArray();
double KindAccuracy(int[] predicted, Func<SentimentExample, bool> which) =>
    test.Select((e, i) => (e, i)).Where(p => which(p.e)).Average(p => predicted[p.i] == p.e.Label ? 1.0 : 0.0);
var kinds = SentimentKinds.All;
Report("bundled RNN accuracy on negated and contrast test sentences", KindAccuracy(rnnTest, e => SentimentKinds.DependsOnOrder(e.Kind)));
Report("bundled baseline accuracy on negated and contrast test sentences", KindAccuracy(baselineTest, e => SentimentKinds.DependsOnOrder(e.Kind)));
NotebookScript.Show(Charts.Bars("Test accuracy per kind of sentence", "accuracy", kinds,
    [("bag of words", kinds.Select(k => KindAccuracy(baselineTest, e => e.Kind == k)).ToArray()),
     ("RNN", kinds.Select(k => KindAccuracy(rnnTest, e => e.Kind == k)).ToArray())], (0, 1.1)));

// Sentences written for this table, none of them in the data: negations and contrasts, with the label a reader gives
// them, and $p(\text{positive})$ from each model.

(string Text, int Label)[] hard =
[
    ("The soup was not bad at all.", 1), ("The acting was not good.", 0), ("I was never disappointed.", 1),
    ("Great food, but the service ruined it.", 0), ("The room was awful, but the staff made up for it.", 1),
    ("I didn't like the ending.", 0), ("The battery isn't terrible.", 1), ("Although the plot was boring, the soundtrack was wonderful.", 1),
    ("The screen is lovely, but the keyboard is not good.", 0), ("I can't recommend this phone.", 0), ("You won't regret it.", 1),
    ("The pool was great but the breakfast was poor.", 0),
];
var hardRnn = rnn.Predict(hard.Select(h => h.Text).ToList());
var hardBaseline = baseline.Predict(hard.Select(h => SentimentTokenizer.Tokenize(h.Text)).ToList());
int Right(double[] p) => p.Zip(hard).Count(z => (z.First >= 0.5 ? 1 : 0) == z.Second.Label);
Report("negation and contrast table: baseline right", Right(hardBaseline));
Report("negation and contrast table: RNN right", Right(hardRnn));
Report("negation and contrast table: RNN ahead by", Right(hardRnn) - Right(hardBaseline));
NotebookScript.Show(Tables.FromRecords(hard.Select((h, i) => new
{
    h.Text, Gold = h.Label, BagOfWords = Math.Round(hardBaseline[i], 2), RNN = Math.Round(hardRnn[i], 2),
})));

// ## 6. Reading $\hat{y}^{\langle t \rangle}$ after every word
//
// The loss scores only $\hat{y}^{\langle T_x \rangle}$, but the model computes $\hat{y}^{\langle t \rangle}$ at every step:
// what it would answer if the sentence stopped after word $t$. Follow it through three sentences: *the soup was bad*,
// the same words with *not* before *bad*, and a contrast.

string[] traced = ["The soup was bad.", "The soup was not bad at all.", "Great food, but the service ruined it."];
var traces = traced.Select(rnn.StepProbabilities).ToList();
display(Charts.Lines("p(positive) after each word, yHat<t>", "t (words read)", "yHat<t>",
    traced.Zip(traces).Select(p => Series.Of(p.First, p.Second.YHat)).ToList(), markers: true));
double YHatAt((IReadOnlyList<string> Tokens, double[] YHat) trace, string word) => trace.YHat[trace.Tokens.ToList().IndexOf(word)];
var (contrastTokens, contrastYHat) = traces[2];
int butAt = contrastTokens.ToList().IndexOf("but");
Report("yHat before 'but' in the contrast sentence", contrastYHat.Take(butAt).Max());
Report("yHat at the end of the contrast sentence", contrastYHat[^1]);
Report("yHat at the end of 'The soup was bad.'", traces[0].YHat[^1]);
Report("yHat at the end of 'The soup was not bad at all.'", traces[1].YHat[^1]);
Report("rise of yHat at 'not'", YHatAt(traces[1], "not") - YHatAt(traces[1], "was"));

// The contrast reads as positive by the time it reaches *but* (`yHat before 'but'`: 0.87 to 1.0 over five seeds), and
// the RNN changes its mind when the clause after *but* says what happened: *ruined it* brings it near 0 (below 0.004 in
// every seed). In the second sentence $\hat{y}^{\langle t \rangle}$ rises at *not* in four seeds of five: after *the
// soup was*, a *not* announces that what follows is reversed; at the end the sentence is positive in every seed (0.89 to
// 0.99). The plain *the soup was bad.* is where one seed is not enough: it ends negative in three seeds of five (0.08 to
// 0.27, this one 0.27) and positive in the other two (0.70 and 0.86). The bundled set has few sentences this short and this
// plain, so how the model reads them is left to its initial weights.
//
// The steps in between are not a calibrated reading, and the curves show why: the loss never scored them. The model is
// only ever asked at the last word, which in training is nearly always a full stop or *!*, so it settles its answer there
// (after *bad* the first sentence still reads above 0.5; the full stop brings it down). Exercise 1 trains it with a loss
// at every step instead.

// The same steps as colours, word by word (red: positive, blue: negative; the colour is $\hat{y}^{\langle t \rangle} - 0.5$):

foreach (var (tokens, yHat) in traces)
{
    var z = new double[1, tokens.Count];
    for (int t = 0; t < tokens.Count; t++) z[0, t] = yHat[t] - 0.5;
    display(Charts.Heatmap(string.Join(" ", tokens), z, ["yHat<t> - 0.5"], tokens.ToList(), "word x<t>", "", zLimit: 0.5));
}

// ## 7. Real reviews: UCI *Sentiment Labelled Sentences*
//
// Kotzias et al. (2015, CC BY 4.0) labelled 1,000 sentences from each of three sites: **Amazon** (phones and
// accessories), **IMDb** (films) and **Yelp** (restaurants), half of them positive. The loader looks in the folder named
// by `RNNNOTEBOOKS_DATA`, then the per-user cache, for the JSON form (`sentiment/{amazon,imdb,yelp}.json`), else for the
// original zip, which it downloads from UCI when it must and checks by the SHA-256 of its records. Records without a text
// or a label are left out and reported with their file and position.

IReadOnlyList<SentimentSet>? sites = null;
try
{
    var (loaded, files) = await LabelledSentences.LoadAsync();
    sites = loaded;
    Console.WriteLine($"UCI labelled sentences: {string.Join(", ", loaded.Select(s => $"{s.Name} {s.Examples.Count}"))} sentences from {LabelledSentences.Credit}");
    foreach (var skipped in loaded.SelectMany(s => s.Skipped)) Console.WriteLine($"skipped {skipped}");
}
catch (DataUnavailableException e)
{
    Console.WriteLine($"This notebook uses its bundled set only: the UCI sentences could not be found or downloaded ({e.Reason}).");
}
Report("real data", sites is null ? 0 : 1);

// Each site held out in turn: train on the other two (a tenth of them kept aside as dev), test on the third. Real
// reviews use thousands of words the model sees a few times each, so here the vocabulary is larger and the training
// data small; the bag of words has the advantage of needing less data. Three recurrent models face it on each site:
//
// 1. **the note's RNN** of section 4, which answers from the last state $a^{\langle T_x \rangle}$ alone;
// 2. **the same RNN with a pooled head** and dropout on its word vectors (both explained below);
// 3. **a GRU** (notebook 08's gated cell: $a^{\langle t \rangle}$ mixes the old state and a new candidate through an
//    update gate, so it can keep what it read early) with the same head and dropout.
//
// **Pooling.** The note's model must carry everything it read through $T_x - 1$ applications of
// $a^{\langle t \rangle} = \tanh(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a)$ before the head sees it. A pooled head
// reads every state: the last one, the mean over the steps and, unit by unit, the maximum,
//
// $$h = \left[\, a^{\langle T_x \rangle} ;\ \frac{1}{T_x} \sum_{t=1}^{T_x} a^{\langle t \rangle} ;\ \max_{t} a^{\langle t \rangle} \right] \quad (3 n_a), \qquad \hat{y} = \sigma\left(W_{ya} h + b_y\right), \quad W_{ya}\ (1, 3 n_a)$$
//
// so a word early in a long review reaches the answer in one step. Backward, each state gets gradient straight from the
// head, besides what flows back from later states through BPTT ($t_i^{*}$ is the step where unit $i$ peaked):
//
// $$\frac{\partial \mathcal{L}}{\partial a^{\langle t \rangle}} \ {+}{=}\  \frac{1}{T_x} \frac{\partial \mathcal{L}}{\partial\, \mathrm{mean}} + \mathbb{1}\left[t = t^*\right] \odot \frac{\partial \mathcal{L}}{\partial \max}, \qquad \frac{\partial \mathcal{L}}{\partial a^{\langle T_x \rangle}} \ {+}{=}\  \frac{\partial \mathcal{L}}{\partial\, \mathrm{last}}$$
//
// In a padded batch, sentence $j$ is pooled over its own $T_j$ steps, so the padding takes no part and gets no gradient
// (the tests check all of it against central differences). **Dropout on the word vectors**: in training each value of
// $x^{\langle t \rangle}$ is set to 0 with probability $p = 0.5$ and the others doubled, $\tilde{x} = d \odot x$ with
// $d \in \{0, \frac{1}{1-p}\}$ (inverted dropout: the expectation is unchanged, so prediction uses $x$ as it is), and
// $dx = d \odot d\tilde{x}$. No word vector can then be relied on alone, which matters when most words are seen a few times.

var realScores = new List<(string Site, double Baseline, double Rnn, double PooledRnn, double PooledGru)>();
var siteModels = new Dictionary<string, (SentimentClassifier Rnn, SentimentClassifier PooledRnn, SentimentClassifier PooledGru)>();
(List<SentimentExample> Train, List<SentimentExample> Dev) DevSplit(List<SentimentExample> pool)
{
    var order = Enumerable.Range(0, pool.Count).ToArray();
    new Random(1).Shuffle(order);
    return (order.Skip(pool.Count / 10).Select(i => pool[i]).ToList(), order.Take(pool.Count / 10).Select(i => pool[i]).ToList());
}
SentimentClassifier Pooled(List<SentimentExample> trainOn, RecurrentCell cell) => SentimentClassifier.Create(trainOn.Select(e => e.Text).ToList(),
    new SentimentClassifierOptions { Cell = cell, Pooling = SentimentPooling.All, Seed = 1 });
var pooledOptions = new SentimentTrainingOptions { Epochs = 8, EmbeddingDropout = 0.5, Seed = 1 };
foreach (var held in sites ?? [])
{
    var (realTrain, realDev) = DevSplit(sites!.Where(s => s != held).SelectMany(s => s.Examples).ToList());
    var realBaseline = BagOfWordsBaseline.Train(TokensOf(realTrain), realTrain.Select(e => e.Label).ToList());
    var realRnn = SentimentClassifier.Create(realTrain.Select(e => e.Text).ToList(), new SentimentClassifierOptions { Seed = 1 });
    Train(realRnn, realTrain, realDev, new SentimentTrainingOptions { Epochs = 8, Seed = 1 }, $"{held.Name} held out, RNN");
    var (pooledRnn, pooledGru) = (Pooled(realTrain, RecurrentCell.Rnn), Pooled(realTrain, RecurrentCell.Gru));
    Train(pooledRnn, realTrain, realDev, pooledOptions, $"{held.Name} held out, pooled RNN");
    Train(pooledGru, realTrain, realDev, pooledOptions, $"{held.Name} held out, pooled GRU");
    double Accuracy(SentimentClassifier model) => SentimentTraining.Evaluate(model, held.Examples).Accuracy;
    realScores.Add((held.Name, AccuracyOf(realBaseline.Predict(TokensOf(held.Examples)), held.Examples), Accuracy(realRnn), Accuracy(pooledRnn), Accuracy(pooledGru)));
    siteModels[held.Name] = (realRnn, pooledRnn, pooledGru);
    Report($"{held.Name} held out: baseline accuracy", realScores[^1].Baseline);
    Report($"{held.Name} held out: RNN accuracy", realScores[^1].Rnn);
    Report($"{held.Name} held out: pooled RNN accuracy", realScores[^1].PooledRnn);
    Report($"{held.Name} held out: pooled GRU accuracy", realScores[^1].PooledGru);
}

if (realScores.Count > 0)
    display(Charts.Bars("Accuracy on the held-out site (trained on the other two)", "accuracy", realScores.Select(s => s.Site).ToArray(),
        [("bag of words", realScores.Select(s => s.Baseline).ToArray()), ("RNN, last state", realScores.Select(s => s.Rnn).ToArray()),
         ("RNN, pooled", realScores.Select(s => s.PooledRnn).ToArray()), ("GRU, pooled", realScores.Select(s => s.PooledGru).ToArray())], (0, 1.1)));

// ### The last state forgets the start of a long review
//
// A review that says what it thinks in its first words and then goes on about something else: *Great food.* followed by
// one to five clauses that carry no opinion (*I bought it in March, and I use it every day at work and at home, ...*).
// Three openings are positive and three negative; the gap is the mean $p(\text{positive})$ of the positive ones minus
// that of the negative ones, for the three models trained with Amazon held out (on IMDb and Yelp):

string[] openings = ["The battery life is excellent.", "Great food.", "I loved this movie.", "Terrible service.", "The sound quality is awful.", "Very disappointing."];
string[] neutral = [" I bought it in March,", " and I use it every day at work and at home,", " on the train, in the car and in the kitchen,",
    " with my sister and her two kids and the dog,", " as I told the man at the shop on Tuesday."];
double[] Gap(SentimentClassifier model) => Enumerable.Range(0, neutral.Length + 1).Select(k =>
{
    var p = model.Predict(openings.Select(o => o + string.Concat(neutral.Take(k))).ToList());
    return p.Take(3).Average() - p.Skip(3).Average(); // positive openings minus negative ones
}).ToArray();
if (siteModels.TryGetValue("amazon", out var amazonHeldOut))
{
    var gaps = new[] { ("RNN, last state", Gap(amazonHeldOut.Rnn)), ("RNN, pooled", Gap(amazonHeldOut.PooledRnn)), ("GRU, pooled", Gap(amazonHeldOut.PooledGru)) };
    foreach (var (name, gap) in gaps) Report($"gap after five neutral clauses: {name}", gap[^1]);
    display(Charts.Lines("p(positive): positive openings minus negative ones", "neutral clauses appended", "gap",
        gaps.Select(g => new Series(g.Item1, Enumerable.Range(0, g.Item2.Length).Select(k => (double)k).ToList(), g.Item2.ToList())).ToList(), markers: true));
}

if (siteModels.TryGetValue("amazon", out var models))
{
    var longReviews = openings.Select(o => o + string.Concat(neutral)).ToList();
    var (pLast, pPooled, pGru) = (models.Rnn.Predict(longReviews), models.PooledRnn.Predict(longReviews), models.PooledGru.Predict(longReviews));
    display(Tables.FromRecords(openings.Select((o, i) => new
    {
        Opening = o, RnnLastState = Math.Round(pLast[i], 2), RnnPooled = Math.Round(pPooled[i], 2), GruPooled = Math.Round(pGru[i], 2),
    })));
}

// The note's RNN gives all six reviews the same answer once enough neutral words follow: after five clauses the gap is
// below 0.0001 in each of three seeds (`rnnbook sweep`). Its last state holds nothing of the first words any more; only
// the last few words decide, and they say nothing. The pooled RNN keeps the openings apart (a gap of 0.19 to 0.27): the
// maximum and the mean still hold the states it had while reading them. The pooled GRU keeps the widest gap (0.33 to
// 0.63), its update gate carrying the opening forward besides.

// On real sentences the note's RNN trained from scratch on 1,800 sentences does **not** beat the bag of words: most real
// reviews are decided by a polarity word or two (*great*, *waste*, *disappointed*), which counts read well, while the RNN
// must learn what thousands of words mean and how their order matters from little data, and its last state forgets an
// early opinion. The pooled GRU with dropout on its word vectors does beat it: its mean accuracy over three seeds is above
// the bag of words' on all three held-out sites, by 0.5 to 2.5 points (on Yelp one seed of three, 0.750, stays below
// 0.764). Mean accuracy (lowest to highest) over three seeds, `rnnbook sweep notebooks/06-many-to-one-sentiment.ipynb
// --seeds 3` (model seeds 1 to 3; the bag of words has no seed):
//
// | held out | bag of words | RNN, last state | RNN, pooled | GRU, pooled |
// |---|---|---|---|---|
// | Amazon | 0.776 | 0.719 (0.716 to 0.724) | 0.747 (0.730 to 0.767) | **0.785** (0.777 to 0.796) |
// | IMDb | 0.683 | 0.668 (0.658 to 0.684) | 0.672 (0.651 to 0.685) | **0.708** (0.699 to 0.725) |
// | Yelp | 0.764 | 0.714 (0.698 to 0.725) | 0.732 (0.720 to 0.740) | **0.769** (0.750 to 0.783) |
//
// Which change does what, measured one at a time outside this notebook with the same splits and seeds (means for Amazon,
// IMDb, Yelp held out): dropout alone does not lift the note's RNN (0.738, 0.665, 0.675: up on Amazon, down on Yelp); pooling lifts it on every site
// (the table). The gated cell does the most: a GRU that reads only its last state, with the same dropout, scores 0.783,
// 0.721, 0.770, as well as the pooled one, since its gates already keep the start of reviews this short. Adding the
// bundled training split to the pooled GRU's training data moved it by -0.017, +0.002 and +0.003: 1,600 short sentences
// written for this course do not help with Amazon's, so the runs above leave them out; the saved model below takes them,
// since it will also be asked about sentences like theirs.
//
// ## 8. Save the model, and use it from the command line
//
// `rnnbook predict sentiment` will be given sentences nobody here wrote, so the model it uses is the pooled GRU, trained
// on all the training text there is: the bundled training split and 90% of each real site, 5 epochs with dropout 0.5 on
// the word vectors (when the real data is not there, it is the RNN of section 4). The bundled test split and the last
// tenth of each site stay held out, and its scores on them are its honest figures (over three seeds, 0.87 to 0.93 and
// 0.79 to 0.80). It is saved as
// `sentiment.safetensors` ($E$, the GRU's weights and the pooled head's $W_{ya}$ $(1, 3 n_a)$ and $b_y$) beside
// `sentiment.json` (the vocabulary, sizes, cell, pooling and the tokenizer's rules).

var realHeld = sites is null ? new List<SentimentExample>() : sites.SelectMany(s => s.Examples.Skip(s.Examples.Count * 9 / 10)).ToList();
var realKept = sites is null ? new List<SentimentExample>() : sites.SelectMany(s => s.Examples.Take(s.Examples.Count * 9 / 10)).ToList();
var saved = rnn; // without the real data: the RNN of section 4, trained on the bundled set
if (sites is not null)
{
    var (allTrain, allDev) = DevSplit([.. train, .. realKept]);
    saved = Pooled(allTrain, RecurrentCell.Gru);
    Train(saved, allTrain, allDev, pooledOptions with { Epochs = 5 }, "saved pooled GRU"); // 2.4 times the sentences: fewer passes
}
Report("saved model accuracy on the bundled test split", SentimentTraining.Evaluate(saved, test).Accuracy);
if (realHeld.Count > 0) Report("saved model accuracy on the last tenth of each real site", SentimentTraining.Evaluate(saved, realHeld).Accuracy);

var modelPath = System.IO.Path.Combine("..", "out", "models", "sentiment");
saved.Save(modelPath);
var reloaded = SentimentClassifier.Load(modelPath);
var checkTexts = testTexts.Concat(hard.Select(h => h.Text)).Append("").Append("zorblax quimbly").Append("😀 ñandú 中文 \u0001")
    .Append(string.Concat(Enumerable.Repeat("great food, bad service; ", 400))).ToList(); // the last one 10,000 characters long
Report("sentences scored differently after save and load",
    saved.Predict(checkTexts).Zip(reloaded.Predict(checkTexts)).Count(p => p.First != p.Second));
NotebookScript.Show(modelPath + ".safetensors");

// ### What the embedding learned
//
// The model's first layer is the embedding $E$ $(n_e, V)$: word $w$ enters as its column $e_w$, learnt through
// $dx^{\langle t \rangle}$ like every other weight. Nobody told it which words are alike; the loss did. Two ways to look:
// the **nearest words** of a word by cosine similarity, $\cos(e_u, e_w) = e_u \cdot e_w / (\lVert e_u \rVert \lVert e_w \rVert)$,
// and a **projection** of some word vectors on the two directions along which all of $E$'s columns vary most (principal
// components: centre the columns, then the top eigenvectors of their $n_e \times n_e$ covariance, found here by power
// iteration, a dozen lines):

var E = saved.Embedding.E;                 // (n_e, V): column w is word w's vector e_w
double[] Vector(int w) => Enumerable.Range(0, E.Rows).Select(i => E[i, w]).ToArray();
double Cosine(double[] u, double[] v) => u.Zip(v, (a, b) => a * b).Sum() / Math.Sqrt(u.Sum(a => a * a) * v.Sum(b => b * b));
IEnumerable<string> Nearest(string word, int k) =>
    Enumerable.Range(2, saved.Words.Count - 2)                                    // every word but <pad> and <unk>
        .Where(w => w != saved.Words.IdOf(word))
        .OrderByDescending(w => Cosine(Vector(w), Vector(saved.Words.IdOf(word))))
        .Take(k).Select(w => saved.Words.Words[w]);
string[] probes = ["great", "bad", "not", "food"];
display(Tables.FromRecords(probes.Where(saved.Words.Contains).Select(p => new { word = p, nearest = string.Join(", ", Nearest(p, 8)) })));

double[][] PrincipalComponents(int count)   // the top eigenvectors of the columns' covariance, by power iteration
{
    int n = E.Rows, V = E.Cols;
    var mean = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, V).Average(w => E[i, w])).ToArray();
    var C = new double[n, n];                                                   // C = (1/V) sum_w (e_w - mean)(e_w - mean)^T
    for (int w = 0; w < V; w++)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) C[i, j] += (E[i, w] - mean[i]) * (E[j, w] - mean[j]) / V;
    var found = new List<double[]>();
    for (int c = 0; c < count; c++)
    {
        var v = Enumerable.Range(0, n).Select(i => 1.0 + i).ToArray();
        for (int iteration = 0; iteration < 500; iteration++)
        {
            var next = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => C[i, j] * v[j])).ToArray();   // C v
            foreach (var f in found) { double dot = next.Zip(f, (a, b) => a * b).Sum(); for (int i = 0; i < n; i++) next[i] -= dot * f[i]; }
            double norm = Math.Sqrt(next.Sum(a => a * a));
            v = next.Select(a => a / norm).ToArray();
        }
        found.Add(v);
    }
    return [.. found];
}
var pcs = PrincipalComponents(2);
string[] positiveWords = ["great", "good", "excellent", "love", "best", "delicious", "amazing", "recommend", "perfect", "nice"];
string[] negativeWords = ["bad", "terrible", "awful", "worst", "waste", "disappointed", "poor", "horrible", "boring", "slow"];
string[] otherWords = ["food", "phone", "movie", "service", "the", "it", "was", "and"];
IReadOnlyList<(string, double, double)> Projected(string[] group) => group.Where(saved.Words.Contains)
    .Select(word => (word, Vector(saved.Words.IdOf(word)).Zip(pcs[0], (a, b) => a * b).Sum(), Vector(saved.Words.IdOf(word)).Zip(pcs[1], (a, b) => a * b).Sum()))
    .ToList();
var (positiveOnPc, negativeOnPc) = (Projected(positiveWords), Projected(negativeWords));
double sign = Math.Sign(positiveOnPc.Average(p => p.Item2) - negativeOnPc.Average(p => p.Item2));   // a component's sign is arbitrary
double threshold = (positiveOnPc.Average(p => p.Item2) + negativeOnPc.Average(p => p.Item2)) / 2;
int separated = positiveOnPc.Count(p => sign * (p.Item2 - threshold) > 0) + negativeOnPc.Count(p => sign * (p.Item2 - threshold) < 0);
Report("embedding: opinion words on their side of component 1", (double)separated / (positiveOnPc.Count + negativeOnPc.Count));
NotebookScript.Show(Charts.LabelledPoints("Word vectors e_w of the saved model on E's first two principal components", "component 1", "component 2",
    [("positive", positiveOnPc), ("negative", negativeOnPc), ("other", Projected(otherWords))]));

// The first component is an opinion axis: every positive word of the chart lies on one side and every negative word
// on the other (in each of three seeds, `rnnbook sweep`), with the topic words (*food*, *phone*, *movie*, *the*) near
// zero between them. The nearest words say the same: *great* sits among other praise and *bad* among other complaints,
// while the neighbours of a topic word like *food* follow no pattern. The model learnt only what its loss asks for:
// which side of the opinion a word pushes $\hat{y}$ to, not what words mean. Embeddings trained to predict a word's
// neighbours instead (word2vec, GloVe) also place topics; that is why courses start sentiment models from them.

// From the repository root, one sentence per line in, `1` or `0`, a tab and $p(\text{positive})$ out. An empty line
// answers $\sigma(b_y)$, the model's answer before any word (its prior); unknown words are read as `<unk>`, and a line
// of any length is read to its end (the check above also scores an emoji line and one of 10,000 characters):
//
// ```bash
// printf 'The plot was not bad at all.\nGreat food, but the service ruined it.\n\n' | dotnet run --project lib/RnnNotebooks.Cli -- predict sentiment
// ```

ReportSeconds("seconds to run", clock.Elapsed.TotalSeconds);

// ## Summary
//
// - Many-to-one: the RNN reads all $T_x$ words and is scored once, at the last one. In a padded batch that is the core's
//   masked loss with weight $\frac{1}{m}$ at each sentence's last word and 0 elsewhere; BPTT carries the gradient back to
//   every word through $W_{aa}$.
// - A bag of words cannot tell *not bad* from *bad ... not*, nor which side of *but* decides; on the bundled negations and
//   contrasts it gets about six in ten, the RNN seven to eight in ten, and $\hat{y}^{\langle t \rangle}$ shows where it changes its mind.
// - Tokenisation is a modelling choice: every negation normalised to *not* gives the model one word to learn it from.
// - On real reviews with 1,800 training sentences the note's RNN loses to counting words, and its last state forgets an
//   opinion stated early. A head that pools every state ($[a^{\langle T_x \rangle}; \text{mean}; \max]$, each state one step from
//   the answer) lets it remember; with a GRU cell and dropout on the word vectors the model beats the bag of words on all
//   three held-out sites (mean over three seeds), the gated cell doing most of it.
// - The learnt embedding holds what the loss asked for: on its first principal component the opinion words split by
//   side, while topic words sit near zero and have no meaningful neighbours.
//
// ## Exercises
//
// 1. Train the RNN with the loss at **every** step instead of the last only (hint: `SequenceTargets.Mask` instead of
//    `LastStepOnly`). Does $\hat{y}^{\langle t \rangle}$ become a better reading of the sentence so far? What happens to
//    the accuracy on contrasts, where the first half says the opposite of the label?
// 2. Change the tokenizer so that *isn't* stays one word. Which sentences of the table does the RNN now get wrong, and why?
// 3. Add word pairs (bigrams such as *not_bad*) to the bag of words. How much of the gap to the RNN on the bundled
//    negations does it close, and what about the contrasts?
// 4. Run the RNN right to left (reverse each sentence). Which kind of sentence suffers, and why?
// 5. Score a few reviews of your own with `rnnbook predict sentiment`. Find a sentence where the RNN changes its mind at
//    the wrong word.
