// 04-many-to-many-ner.cs: notebooks/04-many-to-many-ner.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/04-many-to-many-ner.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:project ../../lib/RnnNotebooks.Scripts/RnnNotebooks.Scripts.csproj
#:project ../../lib/RnnNotebooks/RnnNotebooks.csproj
#:project ../../lib/RnnNotebooks.Data/RnnNotebooks.Data.csproj
#:project ../../lib/RnnNotebooks.Exercises/RnnNotebooks.Exercises.csproj
#:project ../../lib/RnnNotebooks.Plots/RnnNotebooks.Plots.csproj
#:project ../../lib/RnnNotebooks.Tasks/RnnNotebooks.Tasks.csproj

using RnnNotebooks.Scripts;
using static RnnNotebooks.Scripts.NotebookScript;
using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Exercises;
using RnnNotebooks.Plots;
using RnnNotebooks.Tasks;
using static RnnNotebooks.Scripts.Figures;

NotebookScript.Start();

// # 04 · Many-to-many, $T_x = T_y$: named-entity recognition
//
// The note's first type of RNN reads one input and writes one output at every step, so the output sequence is as long as
// the input: $T_x = T_y$. Its example is **named-entity recognition**: in *Harry Potter and Hermione Granger invented a
// new spell*, tag each word with whether it is part of a name, and of which kind.
//
// In this notebook you will:
//
// 1. read tagged English text in the CoNLL format and the IOB2 tags (`B-PER`, `I-PER`, ..., `O`), on a set written for
//    this course and on **wikigold**, 145 real Wikipedia articles;
// 2. turn words into vectors: a vocabulary with an unknown word, a learned **embedding** $E$ trained by BPTT through
//    $dx^{\langle t \rangle}$, and features of a word's form so that a name never seen in training can still be tagged;
// 3. train the note's RNN as a tagger, with padding and masks, Adam and clipping, against a most-frequent-tag baseline;
// 4. see what a left-to-right RNN cannot know (*Teddy Roosevelt* against *Teddy bears*) and fix it with a
//    **bidirectional RNN**;
// 5. score taggers as CoNLL does (exact span and type), read a confusion matrix and the errors that remain;
// 6. on real text, add what the best taggers of 2016 added, one at a time: an LSTM, a reader of each word's **characters**,
//    and a **conditional random field** (CRF) that scores whole tag sequences, decoded by **Viterbi**; then save the best
//    model for `rnnbook predict ner`.
//
// On the bundled set it trains a most-frequent-tag baseline, an RNN and a BiRNN. With wikigold it trains a baseline and
// five taggers (RNN, BiRNN, BiLSTM, BiLSTM with characters, BiLSTM with characters and a CRF), two at a time on two cores;
// without it, one BiLSTM with characters and a CRF on the bundled set. It checks at its end that it ran in under 90
// seconds.

// ## The libraries
//
// The core (`RnnNotebooks`: the RNN, the bidirectional RNN, the embedding, Adam), the datasets (`RnnNotebooks.Data`: the
// CoNLL reader, the scorer, the bundled set and wikigold), the charts (`RnnNotebooks.Plots`) and the tagger built from
// those pieces (`RnnNotebooks.Tasks`), all built by `dotnet build` at the repository root.

var clock = System.Diagnostics.Stopwatch.StartNew();

// ## 1. The task: one tag per word
//
// Each word $x^{\langle t \rangle}$ gets a tag $y^{\langle t \rangle}$ from 9 classes. IOB2 marks where a name begins and
// goes on: `B-X` begins an entity of type X, `I-X` continues it, `O` is outside any entity. The types are people (PER),
// places (LOC), organisations (ORG) and the rest (MISC: nationalities, languages, events, works).
//
// | $t$ | 1 | 2 | 3 | 4 | 5 | 6 | 7 |
// |---|---|---|---|---|---|---|---|
// | $x^{\langle t \rangle}$ | Harry | Potter | and | Hermione | Granger | invented | ... |
// | $y^{\langle t \rangle}$ | B-PER | I-PER | O | B-PER | I-PER | O | ... |
//
// The bundled set (`data/ner/`, see its README) was written for this course: sentences from news, sport, science,
// history, business and culture, with the hard cases a tagger must learn (*May* the month and *Theresa May*, *Apple* the
// fruit and the company, *Bank of England*). Its test split holds only names that never occur in training.

var bundled = BundledNer.Load();
var train = NerSplits.SentencesOf(bundled.Train);
var dev = NerSplits.SentencesOf(bundled.Dev);
var test = NerSplits.SentencesOf(bundled.Test);
Report("bundled train sentences", train.Count);
Report("bundled test sentences", test.Count);
NotebookScript.Show(Tables.FromRecords(test.Take(6).Select(s => new { Sentence = s.ToString(), Tags = string.Join(" ", s.Tags) })));

// How many entities of each type each split holds:

string[] types = ["PER", "LOC", "ORG", "MISC"];
double[] EntitiesByType(IReadOnlyList<NerSentence> split) =>
    types.Select(type => (double)split.Sum(s => s.Entities.Count(e => e.Type == type))).ToArray();
NotebookScript.Show(Charts.Bars("Entities per type in the bundled splits", "entities", types,
    [("train", EntitiesByType(train)), ("dev", EntitiesByType(dev)), ("test", EntitiesByType(test))]));

// ## 2. Words to vectors
//
// The note's $x^{\langle t \rangle}$ is a vector. A one-hot vector over a vocabulary of $V$ words would be as long as the
// vocabulary; instead each word id $w$ picks a column of a learned matrix $E$ of shape $(n_e, V)$, its **embedding**:
// $E_{:,w}$. Words seen fewer than twice in training share one id, `<unk>`, so the model also learns what to do with a
// word it does not know. Lower-casing (and writing every digit as 0) lets *Apple* and *apple* share a vector.
//
// What does the tagger know of a word it has never seen? Only its form: *Zyxwvut Corp.* is capitalised, and the word
// before *Corp.* often names an organisation. So $x^{\langle t \rangle}$ also gets the word's last three letters, through
// a second small embedding $S$, and nine features $f^{\langle t \rangle}$ (capitalisation pattern, digits, a hyphen, a
// period, first in the sentence):
//
// $$x^{\langle t \rangle} = \begin{bmatrix} E_{:,w^{\langle t \rangle}} \\ S_{:,s^{\langle t \rangle}} \\ f^{\langle t \rangle} \end{bmatrix}$$
//
// $E$ and $S$ are trained like any weight: BPTT gives $dx^{\langle t \rangle} = W_{ax}^{\top} dz^{\langle t \rangle}$ (the core
// already returns it), and its first $n_e$ rows are added to column $w^{\langle t \rangle}$ of $dE$.

var words = WordVocabulary.Build(train.Select(s => s.Tokens));
Report("vocabulary size", words.Count);
Report("unknown word share of the test tokens", words.UnknownRate(test.Select(s => s.Tokens)));
NotebookScript.Show(Tables.FromRecords(new[] { "Harry", "apple", "Apple", "IBM", "1997", "Rolls-Royce", "Zyxwvut" }.Select(w => new
{
    Word = w, Id = words.IdOf(w), Pattern = WordFeatures.Pattern(w).ToString(), Suffix = WordFeatures.Suffix(w),
    Features = string.Join(" ", WordFeatures.Of(w, position: 1)),
})));

// ### Your turn: the embedding's backward step
//
// $x^{\langle t \rangle}_{:,j} = E_{:,w}$ only reads a column of $E$, so its backward step only writes one: every
// $dx^{\langle t \rangle}_{:,j}$ goes into the column of the word sentence $j$ has at step $t$,
//
// $$dE_{:,w} = \sum_{t=1}^{T_x} \sum_{j=1}^{m} \mathbb{1}\left[w^{\langle t \rangle}_j = w\right] dx^{\langle t \rangle}_{:,j}$$
//
// and a word that occurs twice (in one step or in two) collects both. Write it for the word ids `tokens[t - 1][j]` and
// the gradients `dx[t - 1]` $(n_e, m)$; the grader compares your $dE$ with `Embedding.Backward` and with central
// differences of a loss on random cases ($m > 1$, repeated words) and names the likely mistake (a column overwritten instead of added, only the last step summed).

// Exercise: the notebook leaves this body to the reader:
// // tokens[t - 1][j]: the word id of sentence j at step t, in [0, V); dx[t - 1] (n_e, m): dL/dx<t>.
// // Return dE (n_e, V): column w collects every dx<t>[:, j] whose word is w.
// Matrix EmbeddingBackward(int[][] tokens, Matrix[] dx, int V)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
Matrix EmbeddingBackward(int[][] tokens, Matrix[] dx, int V)
{
    int nE = dx[0].Rows;
    var dE = new Matrix(nE, V);
    for (int t = 0; t < tokens.Length; t++)
        for (int j = 0; j < tokens[t].Length; j++)
            for (int i = 0; i < nE; i++)
                dE[i, tokens[t][j]] += dx[t][i, j];   // dE[:, w<t>_j] += dx<t>[:, j]
    return dE;
}

// <details><summary>Hint</summary>
//
// Start from a zero matrix of shape $(n_e, V)$ (`new Matrix(dx[0].Rows, V)`) and add, never assign: `dE[i, w] += ...`.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// Matrix EmbeddingBackward(int[][] tokens, Matrix[] dx, int V)
// {
//     int nE = dx[0].Rows;
//     var dE = new Matrix(nE, V);
//     for (int t = 0; t < tokens.Length; t++)
//         for (int j = 0; j < tokens[t].Length; j++)
//             for (int i = 0; i < nE; i++)
//                 dE[i, tokens[t][j]] += dx[t][i, j];   // dE[:, w<t>_j] += dx<t>[:, j]
//     return dE;
// }
// ```
//
// </details>

var embeddingVerdict = Grade.EmbeddingBackward(EmbeddingBackward);
Report("exercise embedding-backward passed", embeddingVerdict.Passed ? 1 : 0);
NotebookScript.Show(embeddingVerdict);

// ## 3. The tagger in the note's equations
//
// The note's RNN, one output per step, with $g_2$ a softmax over the 9 tags:
//
// $$a^{\langle t \rangle} = \tanh\left(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a\right), \qquad \hat{y}^{\langle t \rangle} = \operatorname{softmax}\left(W_{ya} a^{\langle t \rangle} + b_y\right)$$
//
// Sentences differ in length, so a batch of $m$ sentences is padded to the longest, and the loss masks the padding out
// with weights $w_j^{\langle t \rangle} = 0$ there (1 on real tokens):
//
// $$\mathcal{L} = \frac{1}{\sum_{t,j} w_j^{\langle t \rangle}} \sum_{t=1}^{T_x} \sum_{j=1}^{m} w_j^{\langle t \rangle} \left(-\log \hat{y}^{\langle t \rangle}_{y_j^{\langle t \rangle}, j}\right)$$
//
// Training is Adam on minibatches of 16 sentences, with the gradient clipped to norm 5.
//
// First a baseline to beat: tag each word with its most frequent tag in training, and an unknown capitalised word with the
// most frequent entity type.

IReadOnlyList<IReadOnlyList<string>> TokensOf(IReadOnlyList<NerSentence> split) => split.Select(s => s.Tokens).ToList();
NerScores Evaluate(Func<IReadOnlyList<IReadOnlyList<string>>, IReadOnlyList<IReadOnlyList<string>>> tag, IReadOnlyList<NerSentence> split) =>
    EntityScorer.Score(split, tag(TokensOf(split)));
var baseline = MostFrequentTagBaseline.Train(train);
var baselineScores = Evaluate(baseline.Predict, test);
Report("bundled baseline entity F1", baselineScores.Micro.F1);

// Now the RNN, left to right. Each epoch prints its training loss and its loss and entity F1 on the dev split.

TrainingResult Train(NerTagger tagger, IReadOnlyList<NerSentence> trainOn, IReadOnlyList<NerSentence> heldOut,
    NerTrainingOptions options, string name) =>
    NerTraining.Train(tagger, trainOn, heldOut, options, e => Console.WriteLine(
        $"{name}, epoch {e.Epoch}: train loss {e.TrainLoss:F3}, held-out loss {e.HeldOutLoss:F3}, held-out F1 {e.HeldOutScore:F3}{Timing.Elapsed(e.Seconds)}"));
var rnn = NerTagger.Create(train, new NerTaggerOptions { Direction = TaggerDirection.LeftToRight, Seed = 1 });
var rnnRun = Train(rnn, train, dev, new NerTrainingOptions { Epochs = 10, Seed = 1 }, "RNN");
var rnnScores = Evaluate(rnn.Predict, test);
Report("bundled RNN entity F1", rnnScores.Micro.F1);

// ## 4. What a left-to-right RNN cannot know
//
// *Teddy Roosevelt was a president* and *Teddy bears are on sale* both start with *Teddy*. Whether it is a name depends
// on the word **after** it, but $\hat{y}^{\langle 1 \rangle}$ is computed from $a^{\langle 1 \rangle}$, which has seen only
// $x^{\langle 1 \rangle}$. Whatever it learns, a left-to-right RNN gives *Teddy* the same tag in both sentences:

string[] president = ["Teddy", "Roosevelt", "was", "a", "president", "."];
string[] bears = ["Teddy", "bears", "are", "on", "sale", "."];
Report("RNN tags Teddy alike in both sentences", rnn.Predict(president)[0] == rnn.Predict(bears)[0] ? 1 : 0);
NotebookScript.Show(Tables.FromRecords(new[] { president, bears }.Select(s => new { RNN = new NerSentence(s, rnn.Predict(s)).ToString() })));

// A **bidirectional RNN** runs a second RNN from the end of the sentence to its start, with weights of its own, and the
// output layer reads both states at step $t$:
//
// $$\overrightarrow{a}^{\langle t \rangle} = g_1\left(\overrightarrow{W}_{aa} \overrightarrow{a}^{\langle t-1 \rangle} + \overrightarrow{W}_{ax} x^{\langle t \rangle} + \overrightarrow{b}_a\right), \qquad \overleftarrow{a}^{\langle t \rangle} = g_1\left(\overleftarrow{W}_{aa} \overleftarrow{a}^{\langle t+1 \rangle} + \overleftarrow{W}_{ax} x^{\langle t \rangle} + \overleftarrow{b}_a\right)$$
//
// $$\hat{y}^{\langle t \rangle} = \operatorname{softmax}\left(W_{ya} \begin{bmatrix} \overrightarrow{a}^{\langle t \rangle} \\ \overleftarrow{a}^{\langle t \rangle} \end{bmatrix} + b_y\right)$$
//
// The backward RNN starts at each sentence's own last word, not at the padding (`BidirectionalRnn` reverses only the
// real tokens of each sentence). In BPTT, $W_{ya}^{\top} dz_y^{\langle t \rangle}$ splits into the two halves that flow
// into each direction, and $dx^{\langle t \rangle}$ is the sum of both directions' $dx^{\langle t \rangle}$; the tests check
// every gradient against central differences.

var birnn = NerTagger.Create(train, new NerTaggerOptions { Direction = TaggerDirection.Bidirectional, Seed = 1 });
var birnnRun = Train(birnn, train, dev, new NerTrainingOptions { Epochs = 10, Seed = 1 }, "BiRNN");
var birnnScores = Evaluate(birnn.Predict, test);
Report("bundled BiRNN entity F1", birnnScores.Micro.F1);
NotebookScript.Show(Tables.FromRecords(new[] { president, bears }.Select(s => new
{
    RNN = new NerSentence(s, rnn.Predict(s)).ToString(), BiRNN = new NerSentence(s, birnn.Predict(s)).ToString(),
})));

// The BiRNN's tag for *Teddy* can now differ between the two sentences: $\overleftarrow{a}^{\langle 1 \rangle}$ has read
// the whole sentence, *bears* included. Whether it gets both right depends on what the few hundred training sentences
// taught it; the left-to-right RNN could not, whatever it was taught.
//
// The loss per token on the training sentences and on the dev split, epoch by epoch:

Series Curve(string name, TrainingResult run, Func<TrainingEpoch, double> value) =>
    new(name, run.Epochs.Select(e => (double)e.Epoch).ToList(), run.Epochs.Select(value).ToList());
NotebookScript.Show(Charts.Lines("Training on the bundled set", "epoch", "loss per token",
    [Curve("RNN, train", rnnRun, e => e.TrainLoss), Curve("RNN, dev", rnnRun, e => e.HeldOutLoss),
     Curve("BiRNN, train", birnnRun, e => e.TrainLoss), Curve("BiRNN, dev", birnnRun, e => e.HeldOutLoss)], markers: true));

// ### Your turn: merge the two directions, and split the gradient back
//
// The output layer reads $h^{\langle t \rangle} = \left[\overrightarrow{a}^{\langle t \rangle}; \overleftarrow{a}^{\langle t \rangle}\right]$
// ($2 n_a$ rows). In a padded batch the backward RNN reads each sentence reversed over its **own** length $T_j$, the
// padding left after it, so the backward state that has read $x^{\langle t \rangle} \dots x^{\langle T_j \rangle}$ is the one after its
// step $s = T_j - t + 1$; at a padded step $t > T_j$ it pairs with its own padded step $s = t$ (the masked loss never reads
// it). Write the merge, and its backward: the top $n_a$ rows of $dh^{\langle t \rangle}$ are $d\overrightarrow{a}^{\langle t \rangle}$, the
// bottom rows of column $j$ go back to the backward RNN's step $s$. The check compares $h$ with the states
// `BidirectionalRnn.Forward` keeps and the split with central differences, on random padded batches, and names the
// likely mistake (steps not re-aligned, reversed over $T_x$ instead of $T_j$, halves swapped). (`rnnbook run` runs the
// notebook's solution after your cell; `rnnbook run --as-written` grades yours.)

// Exercise: the notebook leaves this body to the reader:
// // aFwd[t - 1] = a_fwd<t>; aBwd[s - 1] = the backward RNN's state after its step s; each Tx matrices (n_a, m).
// // lengths[j] = T_j. Return h: Tx matrices (2 n_a, m), h<t> = [a_fwd<t>; a_bwd<t>], a_bwd<t> from step s = T_j - t + 1.
// Matrix[] MergeDirections(Matrix[] aFwd, Matrix[] aBwd, int[] lengths)
// {
//     throw new NotImplementedException(); // your code here
// }
//
// // dh[t - 1] = dL/dh<t>, Tx matrices (2 n_a, m). Return new BiRnnSplit(daFwd, daBwd), each Tx matrices (n_a, m),
// // daBwd in the backward RNN's own step order s.
// BiRnnSplit SplitGradient(Matrix[] dh, int[] lengths)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
int BackwardStep(int t, int length) => t <= length ? length - t + 1 : t;   // s = T_j - t + 1; the padding keeps its step

Matrix[] MergeDirections(Matrix[] aFwd, Matrix[] aBwd, int[] lengths)
{
    int tx = aFwd.Length, nA = aFwd[0].Rows, m = aFwd[0].Cols;
    var h = Enumerable.Range(0, tx).Select(_ => new Matrix(2 * nA, m)).ToArray();
    for (int t = 1; t <= tx; t++)
        for (int j = 0; j < m; j++)
            for (int i = 0; i < nA; i++)
            {
                h[t - 1][i, j] = aFwd[t - 1][i, j];                                   // top: a_fwd<t>
                h[t - 1][nA + i, j] = aBwd[BackwardStep(t, lengths[j]) - 1][i, j];    // bottom: a_bwd<t>
            }
    return h;
}

BiRnnSplit SplitGradient(Matrix[] dh, int[] lengths)
{
    int tx = dh.Length, nA = dh[0].Rows / 2, m = dh[0].Cols;
    var daFwd = Enumerable.Range(0, tx).Select(_ => new Matrix(nA, m)).ToArray();
    var daBwd = Enumerable.Range(0, tx).Select(_ => new Matrix(nA, m)).ToArray();
    for (int t = 1; t <= tx; t++)
        for (int j = 0; j < m; j++)
            for (int i = 0; i < nA; i++)
            {
                daFwd[t - 1][i, j] = dh[t - 1][i, j];                                 // the top rows came from a_fwd<t>
                daBwd[BackwardStep(t, lengths[j]) - 1][i, j] = dh[t - 1][nA + i, j];  // the bottom ones from step s
            }
    return new BiRnnSplit(daFwd, daBwd);
}

// <details><summary>Hint</summary>
//
// One small function does the re-alignment for both: $s(t) = T_j - t + 1$ for $t \le T_j$, else $t$. It is its own
// inverse, so the split sends the bottom half of $dh^{\langle t \rangle}$ to step $s(t)$ exactly as the merge took
// $\overleftarrow{a}$ from there.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// int BackwardStep(int t, int length) => t <= length ? length - t + 1 : t;   // s = T_j - t + 1; the padding keeps its step
//
// Matrix[] MergeDirections(Matrix[] aFwd, Matrix[] aBwd, int[] lengths)
// {
//     int tx = aFwd.Length, nA = aFwd[0].Rows, m = aFwd[0].Cols;
//     var h = Enumerable.Range(0, tx).Select(_ => new Matrix(2 * nA, m)).ToArray();
//     for (int t = 1; t <= tx; t++)
//         for (int j = 0; j < m; j++)
//             for (int i = 0; i < nA; i++)
//             {
//                 h[t - 1][i, j] = aFwd[t - 1][i, j];                                   // top: a_fwd<t>
//                 h[t - 1][nA + i, j] = aBwd[BackwardStep(t, lengths[j]) - 1][i, j];    // bottom: a_bwd<t>
//             }
//     return h;
// }
//
// BiRnnSplit SplitGradient(Matrix[] dh, int[] lengths)
// {
//     int tx = dh.Length, nA = dh[0].Rows / 2, m = dh[0].Cols;
//     var daFwd = Enumerable.Range(0, tx).Select(_ => new Matrix(nA, m)).ToArray();
//     var daBwd = Enumerable.Range(0, tx).Select(_ => new Matrix(nA, m)).ToArray();
//     for (int t = 1; t <= tx; t++)
//         for (int j = 0; j < m; j++)
//             for (int i = 0; i < nA; i++)
//             {
//                 daFwd[t - 1][i, j] = dh[t - 1][i, j];                                 // the top rows came from a_fwd<t>
//                 daBwd[BackwardStep(t, lengths[j]) - 1][i, j] = dh[t - 1][nA + i, j];  // the bottom ones from step s
//             }
//     return new BiRnnSplit(daFwd, daBwd);
// }
// ```
//
// </details>

var mergeVerdict = Grade.BiRnnMerge(MergeDirections, SplitGradient);
Report("exercise birnn-merge passed", mergeVerdict.Passed ? 1 : 0);
NotebookScript.Show(mergeVerdict);

// ## 5. Scores as CoNLL counts them
//
// A predicted entity counts only if its span **and** its type equal a gold entity's: *Bank of* for *Bank of England*
// is wrong, and so is ORG for a LOC. Precision is the share of predicted entities that are right, recall the share of
// gold entities found, and $F_1 = 2PR / (P + R)$; "all" pools every entity (micro-average). On the held-out test split:

EntityCounts Of(NerScores scores, string type) =>
    type == "all" ? scores.Micro : scores.PerType.GetValueOrDefault(type, new EntityCounts(0, 0, 0));
Deedle.Frame<int, string> ScoreTable(IEnumerable<(string Model, NerScores Scores)> models) => Tables.FromRecords(
    from model in models
    from type in types.Append("all")
    let c = Of(model.Scores, type)
    select new { model.Model, Type = type, Precision = Math.Round(c.Precision, 3), Recall = Math.Round(c.Recall, 3),
                 F1 = Math.Round(c.F1, 3), Support = c.Support });
NotebookScript.Show(ScoreTable([("baseline", baselineScores), ("RNN", rnnScores), ("BiRNN", birnnScores)]));

// Which type does the BiRNN give the tokens of each gold type (B- and I- together)? Each row sums to 1:

string[] classes = ["O", .. types];
int ClassOf(string tag) => Array.IndexOf(classes, IobTags.TypeOf(tag) ?? "O");
var birnnTest = birnn.Predict(TokensOf(test));
var confusion = new double[classes.Length, classes.Length];
foreach (var (sentence, predicted) in test.Zip(birnnTest))
    for (int t = 0; t < sentence.Length; t++) confusion[ClassOf(sentence.Tags[t]), ClassOf(predicted[t])]++;
for (int i = 0; i < classes.Length; i++)
{
    double row = Math.Max(1, Enumerable.Range(0, classes.Length).Sum(j => confusion[i, j]));
    for (int j = 0; j < classes.Length; j++) confusion[i, j] /= row;
}
Report("BiRNN share of O tokens tagged O", confusion[0, 0]);
NotebookScript.Show(Charts.Heatmap("BiRNN on the bundled test split: gold type (rows) against predicted type", confusion, classes, classes,
    "predicted", "gold", zLimit: 1));

// Test sentences as the BiRNN tags them, beside the gold entities:

NotebookScript.Show(Tables.FromRecords(test.Zip(birnnTest).Take(8).Select(p => new
{
    Gold = p.First.ToString(), BiRNN = new NerSentence(p.First.Tokens, p.Second).ToString(),
})));

// ## 6. Real text: wikigold
//
// Wikigold (Balasuriya et al. 2009, CC BY 4.0) tags 145 Wikipedia articles. The loader looks for it in the folder named
// by `RNNNOTEBOOKS_DATA`, then in the per-user cache, else downloads it and checks its SHA-256. It is split **by
// article**, never by sentence: the first 80% of the articles to train (their last fifth held out as dev, to stop
// training when the dev F1 stops rising), the rest to test. These articles are longer and their names far more varied than
// the bundled set's, so the models are larger ($n_e = 64$, $n_a = 64$), read batches of 32 sentences, and are
// regularised in training: each value of $x^{\langle t \rangle}$ is set to 0 with probability 0.5 (the rest doubled,
// **dropout**), and each word is read as `<unk>` with probability 0.1.

NerSplits? wiki = null;
try
{
    var (splits, file) = await Wikigold.LoadAsync();
    wiki = splits;
    Console.WriteLine($"wikigold: {splits.Train.Count} training and {splits.Test.Count} test articles from {Wikigold.Credit}");
}
catch (DataUnavailableException e)
{
    Console.WriteLine($"This notebook uses its bundled set only: wikigold could not be found or downloaded ({e.Reason}).");
}
Report("real data", wiki is null ? 0 : 1);

// ## 7. What the best taggers add: an LSTM, characters, a CRF
//
// Lample et al. (2016) tagged names with three more pieces, each of which the ablation below adds one at a time.
//
// **An LSTM** in both directions instead of the note's RNN (notebook 08 builds its gates): `Cell = RecurrentCell.Lstm`.
//
// **Characters.** A word's suffix is a fixed three letters; a small BiLSTM over its characters reads all of them. Each
// character has a learned vector $c^{\langle k \rangle} = C_{:,\text{char}^{\langle k \rangle}}$, the two directions read
// the word's $K$ characters, and their states after the whole word join $x^{\langle t \rangle}$:
//
// $$r = \begin{bmatrix} \overrightarrow{a}_c^{\langle K \rangle} \\ \overleftarrow{a}_c^{\langle 1 \rangle} \end{bmatrix}, \qquad x^{\langle t \rangle} = \begin{bmatrix} E_{:,w^{\langle t \rangle}} \\ S_{:,s^{\langle t \rangle}} \\ f^{\langle t \rangle} \\ r^{\langle t \rangle} \end{bmatrix}$$
//
// BPTT already gives $dx^{\langle t \rangle}$; its last rows are $dr$, which flows back through both character LSTMs into $C$.
//
// **A CRF over the tags.** A softmax per token chooses each tag alone, so nothing stops `B-ORG I-PER`. A linear-chain CRF
// keeps the logits $u^{\langle t \rangle} = W_{ya} a^{\langle t \rangle} + b_y$ as scores and adds a learned score
// $A_{ik}$ for tag $k$ right after tag $i$ (and a score for the first and the last tag). A whole tag sequence $y$ scores
//
// $$s(y) = \text{start}_{y^{\langle 1 \rangle}} + \sum_{t=1}^{T} u^{\langle t \rangle}_{y^{\langle t \rangle}} + \sum_{t=2}^{T} A_{y^{\langle t-1 \rangle} y^{\langle t \rangle}} + \text{end}_{y^{\langle T \rangle}}, \qquad p(y \mid x) = \frac{e^{s(y)}}{Z}, \qquad \mathcal{L} = \log Z - s(y)$$
//
// $Z$ sums $e^{s(y')}$ over all $n_y^T$ sequences, too many to list, but the **forward algorithm** sums them step by step:
// $\alpha^{\langle t \rangle}_k$ is the log of the summed scores of every sequence of length $t$ that ends in tag $k$,
//
// $$\alpha^{\langle 1 \rangle}_k = \text{start}_k + u^{\langle 1 \rangle}_k, \qquad \alpha^{\langle t \rangle}_k = u^{\langle t \rangle}_k + \log \sum_{i} e^{\alpha^{\langle t-1 \rangle}_i + A_{ik}}, \qquad \log Z = \log \sum_k e^{\alpha^{\langle T \rangle}_k + \text{end}_k}$$
//
// in $T n_y^2$ steps. Each log-sum-exp subtracts its largest term before exponentiating, so no $e^{x}$ overflows. The
// gradient is a difference of counts: $\partial \mathcal{L} / \partial u^{\langle t \rangle}_k = p(y^{\langle t \rangle} = k \mid x) - [y^{\langle t \rangle} = k]$,
// and $\partial \mathcal{L} / \partial A_{ik}$ is the expected number of $i \to k$ steps minus the gold number; a backward
// recursion $\beta$ like $\alpha$ gives these marginals (forward-backward), and the tests check them against central
// differences.
//
// To tag a sentence, **Viterbi** runs the same recursion with a max in place of the log-sum-exp, and remembers for every
// step and tag which previous tag gave the max; the best last tag, followed back through those pointers, is the best whole
// sequence, again in $T n_y^2$ steps. On two steps and two tags the forward algorithm gives the log of the four paths'
// summed $e^{s(y)}$, and Viterbi the best of them:

var crf = new LinearChainCrf(2);
(crf.A[0, 0], crf.A[0, 1], crf.A[1, 0], crf.A[1, 1]) = (0.5, -1.0, 0.0, 0.25);
double[] u = [1, 0, 0, 2];                          // u<1> = (1, 0), u<2> = (0, 2)
int[][] paths = [[0, 0], [0, 1], [1, 0], [1, 1]];
double logZ = crf.LogPartition(u);
Report("log Z: forward algorithm minus the log of the summed paths", logZ - Math.Log(paths.Sum(y => Math.Exp(crf.Score(u, y)))));
NotebookScript.Show(Tables.FromRecords(paths.Select(y => new
{
    Path = string.Join(" ", y), Score = crf.Score(u, y), Probability = Math.Round(Math.Exp(crf.Score(u, y) - logZ), 4),
    Viterbi = crf.Decode(u).SequenceEqual(y) ? "best" : "",
})));

// ### Your turn: Viterbi
//
// Write the decoder: given the emission scores $u$ of shape $(n_y, T)$ (column $t - 1$ is $u^{\langle t \rangle}$), the
// transition scores $A$ $(n_y, n_y)$ and the start and end scores, return the tag sequence of the highest $s(y)$:
//
// $$\delta^{\langle 1 \rangle}_k = \text{start}_k + u^{\langle 1 \rangle}_k, \qquad \delta^{\langle t \rangle}_k = u^{\langle t \rangle}_k + \max_i \left(\delta^{\langle t-1 \rangle}_i + A_{ik}\right), \qquad y^{\langle T \rangle} = \arg\max_k \left(\delta^{\langle T \rangle}_k + \text{end}_k\right)$$
//
// and, for $t = T, \dots, 2$, $y^{\langle t-1 \rangle}$ is the $i$ that gave the max of $\delta^{\langle t \rangle}_{y^{\langle t \rangle}}$.
// The check compares your path with the best of all $n_y^T$ sequences, listed one by one, on random cases, and says what
// a wrong path looks like it left out. (As for every exercise, `rnnbook run` runs the notebook's solution after your
// cell; `rnnbook run --as-written` grades yours.)

// Exercise: the notebook leaves this body to the reader:
// // u (n_y, T): column t - 1 is u<t>; A (n_y, n_y): A[i, k] scores tag k after tag i; start, end (n_y).
// // Return y<1> .. y<T>, the tags of the highest start[y<1>] + sum_t u[y<t>, t - 1] + sum_t A[y<t-1>, y<t>] + end[y<T>].
// int[] Viterbi(Matrix u, Matrix A, double[] start, double[] end)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
int[] Viterbi(Matrix u, Matrix A, double[] start, double[] end)
{
    int nY = u.Rows, T = u.Cols;
    var delta = new double[nY];
    var from = new int[T, nY];
    for (int k = 0; k < nY; k++) delta[k] = start[k] + u[k, 0];               // delta<1>[k] = start[k] + u<1>[k]
    for (int t = 1; t < T; t++)
    {
        var next = new double[nY];
        for (int k = 0; k < nY; k++)
        {
            int best = 0;
            for (int i = 1; i < nY; i++) if (delta[i] + A[i, k] > delta[best] + A[best, k]) best = i;
            from[t, k] = best;                                                    // the back-pointer
            next[k] = u[k, t] + delta[best] + A[best, k];                         // u<t>[k] + max_i (delta<t-1>[i] + A[i, k])
        }
        delta = next;
    }
    var y = new int[T];
    for (int k = 1; k < nY; k++) if (delta[k] + end[k] > delta[y[T - 1]] + end[y[T - 1]]) y[T - 1] = k;
    for (int t = T - 1; t > 0; t--) y[t - 1] = from[t, y[t]];                      // follow the pointers back
    return y;
}

// <details><summary>Hint</summary>
//
// Keep one array `delta` of $n_y$ scores and a table `from[t, k]` of back-pointers; at each step build the next `delta`
// from the previous one. Adding `end` before the last argmax is easy to forget.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// int[] Viterbi(Matrix u, Matrix A, double[] start, double[] end)
// {
//     int nY = u.Rows, T = u.Cols;
//     var delta = new double[nY];
//     var from = new int[T, nY];
//     for (int k = 0; k < nY; k++) delta[k] = start[k] + u[k, 0];               // delta<1>[k] = start[k] + u<1>[k]
//     for (int t = 1; t < T; t++)
//     {
//         var next = new double[nY];
//         for (int k = 0; k < nY; k++)
//         {
//             int best = 0;
//             for (int i = 1; i < nY; i++) if (delta[i] + A[i, k] > delta[best] + A[best, k]) best = i;
//             from[t, k] = best;                                                    // the back-pointer
//             next[k] = u[k, t] + delta[best] + A[best, k];                         // u<t>[k] + max_i (delta<t-1>[i] + A[i, k])
//         }
//         delta = next;
//     }
//     var y = new int[T];
//     for (int k = 1; k < nY; k++) if (delta[k] + end[k] > delta[y[T - 1]] + end[y[T - 1]]) y[T - 1] = k;
//     for (int t = T - 1; t > 0; t--) y[t - 1] = from[t, y[t]];                      // follow the pointers back
//     return y;
// }
// ```
//
// </details>

var viterbiVerdict = Grade.Viterbi(Viterbi);
Report("exercise viterbi passed", viterbiVerdict.Passed ? 1 : 0);
NotebookScript.Show(viterbiVerdict);

// The ablation: the RNN and BiRNN of before, then an LSTM, then characters, then the CRF, all with the same training
// settings and seed, scored on the held-out articles. The five train two at a time, one per core (each training is
// single-threaded and seeded, so the figures do not depend on the order).

var wikiTagger = new NerTaggerOptions { nE = 64, nS = 32, nA = 64, Seed = 1 };
var wikiTraining = new NerTrainingOptions { Epochs = 15, BatchSize = 32, LearningRate = 0.01, InputDropout = 0.5, WordDropout = 0.1, Patience = 4, Seed = 1 };
(string Name, NerTaggerOptions Options)[] ablation =
[
    ("RNN", wikiTagger with { Direction = TaggerDirection.LeftToRight }), ("BiRNN", wikiTagger),
    ("BiLSTM", wikiTagger with { Cell = RecurrentCell.Lstm }), ("BiLSTM + characters", wikiTagger with { Cell = RecurrentCell.Lstm, Characters = true }),
    ("BiLSTM + characters + CRF", wikiTagger with { Cell = RecurrentCell.Lstm, Characters = true, Crf = true }),
];
IReadOnlyList<NerSentence> wikiTrain = [], wikiDev = [], wikiTest = [];
var wikiScores = new List<(string Model, NerScores Scores)>();
var wikiTaggers = new NerTagger[ablation.Length];
if (wiki is not null)
{
    int devArticles = wiki.Train.Count / 5;
    wikiTrain = NerSplits.SentencesOf(wiki.Train.Take(wiki.Train.Count - devArticles));
    wikiDev = NerSplits.SentencesOf(wiki.Train.Skip(wiki.Train.Count - devArticles));
    wikiTest = NerSplits.SentencesOf(wiki.Test);
    wikiScores.Add(("baseline", Evaluate(MostFrequentTagBaseline.Train(wikiTrain).Predict, wikiTest)));
    Report("wikigold baseline entity F1", wikiScores[^1].Scores.Micro.F1);
}
var wikiRuns = new TrainingResult[ablation.Length];
// Trains the given models of the ablation two at a time, the largest first, and reports each one's test F1.
void TrainAblation(params int[] models)
{
    if (wiki is null) return;
    var largestFirst = System.Collections.Concurrent.Partitioner.Create(Enumerable.Reverse(models), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
    Parallel.ForEach(largestFirst, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
    {
        wikiTaggers[i] = NerTagger.Create(wikiTrain, ablation[i].Options);
        wikiRuns[i] = NerTraining.Train(wikiTaggers[i], wikiTrain, wikiDev, wikiTraining);
    });
    foreach (int i in models)
    {
        Console.WriteLine($"{ablation[i].Name}: best dev F1 {wikiRuns[i].Best.HeldOutScore:F3} at epoch {wikiRuns[i].BestEpoch} of {wikiRuns[i].Epochs.Count}{Timing.Elapsed(wikiRuns[i].Seconds)}");
        wikiScores.Add((ablation[i].Name, Evaluate(wikiTaggers[i].Predict, wikiTest)));
        Report($"wikigold {ablation[i].Name} entity F1", wikiScores[^1].Scores.Micro.F1);
    }
}
TrainAblation(0, 1, 2);

TrainAblation(3, 4);
if (wiki is not null) Report("wikigold BiLSTM + characters + CRF ORG F1", Of(wikiScores[^1].Scores, "ORG").F1);

// Entity F1 per type and overall on wikigold's held-out articles (shown when the data was found), one row per model.
// Over three seeds (`rnnbook sweep`) each piece raised the overall F1 in every seed: RNN 0.39 to 0.40, BiRNN 0.43 to
// 0.46, BiLSTM 0.46 to 0.48, with characters 0.49 to 0.51, with the CRF 0.55 to 0.58; organisations stay the hardest
// type (0.34 to 0.40 with the CRF).

double F1(NerScores scores, string type) => Math.Round(Of(scores, type).F1, 3);
if (wikiScores.Count > 0)
    display(Tables.FromRecords(wikiScores.Select(m => new
    {
        m.Model, PER = F1(m.Scores, "PER"), LOC = F1(m.Scores, "LOC"), ORG = F1(m.Scores, "ORG"), MISC = F1(m.Scores, "MISC"), All = F1(m.Scores, "all"),
    })));

// The best tagger is the last one. Without wikigold it is trained here, on the bundled set with the same settings. Its
// learned transition scores $A_{ik}$, previous tag $i$ in rows, next tag $k$ in columns: IOB2 forbids `I-X` after anything
// but `B-X` or `I-X`, and the training text never shows such a step, so the gradient (expected count minus gold count
// 0) pushes every one of those scores down.

var best = wiki is not null ? wikiTaggers[^1] : NerTagger.Create(train, ablation[^1].Options);
if (wiki is null) Train(best, train, dev, wikiTraining, "bundled BiLSTM + characters + CRF");
var tags = best.Tags.ToArray();
var transitions = best.Crf!.A.ToArray();
bool Forbidden(int i, int k) => tags[k].StartsWith("I-") && tags[i][1..] != tags[k][1..];
var forbidden = from i in Enumerable.Range(0, tags.Length) from k in Enumerable.Range(0, tags.Length) where Forbidden(i, k) select transitions[i, k];
Report("CRF transition score B-ORG to I-PER", transitions[Array.IndexOf(tags, "B-ORG"), Array.IndexOf(tags, "I-PER")]);
Report("largest CRF score of a transition IOB2 forbids", forbidden.Max());
NotebookScript.Show(Charts.Heatmap("Learned transition scores A (previous tag in rows)", transitions, tags, tags, "next tag", "previous tag"));

// ## 8. The errors that remain
//
// Gold entities of the bundled test split that the BiRNN did not find exactly, with the tags it gave their words:

var missed =
    from pair in test.Zip(birnnTest)
    let found = IobTags.Spans(pair.Second)
    from entity in pair.First.Entities
    where !found.Contains(entity)
    select new { Entity = pair.First.TextOf(entity), Gold = entity.Type,
                 Predicted = string.Join(" ", pair.Second.Skip(entity.Start).Take(entity.Length)), Sentence = pair.First.ToString() };
Report("bundled test entities the BiRNN missed", missed.Count());
NotebookScript.Show(Tables.FromRecords(missed.Take(10)));

// The misses are of a few kinds: an unknown capitalised word at the start of a sentence, where capitals say nothing
// (*Reading* the town, *Nice*), a name with lower-case words inside it (*Ursula von der Leyen*), and an organisation read
// as another type (*Kremlin*, *African Union*): the form says "a name", and only more context, or more training text,
// can say which kind.

// On wikigold, what does the best tagger make of each gold entity of the held-out articles? Each row is a gold type;
// each column the type the tagger gave **exactly those words**, or *other words* when it missed the entity or cut it
// elsewhere. Each row sums to 1, and the diagonal is the share it got right:

// For each gold entity: the type given to exactly its words, or "other words" (missed, or a span cut elsewhere).
List<IReadOnlyList<EntitySpan>> wikiFound = wiki is null ? [] : best.Predict(TokensOf(wikiTest)).Select(IobTags.Spans).ToList();
var entityOutcomes = (from pair in wikiTest.Zip(wikiFound) from e in pair.First.Entities
    select (Gold: e.Type, Given: pair.Second.Where(f => f.Start == e.Start && f.End == e.End).Select(f => f.Type).FirstOrDefault() ?? "other words")).ToList();
double Share(string gold, string given) => Math.Round((double)entityOutcomes.Count(o => o.Gold == gold && o.Given == given) / Math.Max(1, entityOutcomes.Count(o => o.Gold == gold)), 3);
if (wiki is not null)
{
    Report("wikigold ORG entities given another type", types.Where(t => t != "ORG").Sum(t => Share("ORG", t)));
    Report("wikigold ORG entities missed or cut elsewhere", Share("ORG", "other words"));
    display(Tables.FromRecords(types.Select(gold => new { Gold = gold, PER = Share(gold, "PER"), LOC = Share(gold, "LOC"),
        ORG = Share(gold, "ORG"), MISC = Share(gold, "MISC"), OtherWords = Share(gold, "other words") })));
}

// Organisations are the type it gets wrong most, and mostly by their type, not their words: over three seeds
// (`rnnbook sweep`), 0.35 to 0.37 of the held-out organisations have exactly their words tagged with another type, and
// 0.17 to 0.25 are missed or cut elsewhere. In the run stored here the other type is a person or a place for 41 of those
// 46: bands (*Weather Report*, *Tangerine Dream*, *Yes*) and firms named after people (*Eberhard Faber GmbH*) read as
// people. A capitalised name and a few words around it often cannot tell a band from a person; the taggers that do
// better start from word vectors learned on large unlabelled text, which this notebook does not use.

// That is the recall side of the organisations' score. The other side is precision: of the spans the tagger calls
// an organisation, how many are one? Each row is what the gold tags say of exactly those words, with the strings tagged
// most often:

// Each span the best tagger tagged ORG, and what the gold tags say of exactly its words: a type, or no entity of those words.
var orgCalls = (from pair in wikiTest.Zip(wikiFound) from f in pair.Second where f.Type == "ORG"
    select (Words: pair.First.TextOf(f), Gold: pair.First.Entities.Where(e => e.Start == f.Start && e.End == f.End).Select(e => e.Type).FirstOrDefault() ?? "no entity of these words")).ToList();
double ShareOfCalls(string gold) => Math.Round((double)orgCalls.Count(c => c.Gold == gold) / Math.Max(1, orgCalls.Count), 3);
if (wiki is not null)
{
    Report("wikigold spans tagged ORG that are gold ORG", ShareOfCalls("ORG"));
    Report("wikigold spans tagged ORG that are gold MISC", ShareOfCalls("MISC"));
    Report("wikigold spans tagged ORG that are no entity", ShareOfCalls("no entity of these words"));
    display(Tables.FromRecords(orgCalls.GroupBy(c => c.Gold).OrderByDescending(g => g.Count()).Select(g => new
    {
        Gold = g.Key, Spans = g.Count(), Share = ShareOfCalls(g.Key),
        MostTagged = string.Join(", ", g.GroupBy(c => c.Words).OrderByDescending(w => w.Count()).ThenBy(w => w.Key, StringComparer.Ordinal).Take(4)
            .Select(w => w.Count() > 1 ? $"{w.Key} ({w.Count()})" : w.Key)),
    })));
}

// Precision costs the organisations more than recall does. Over three seeds only 0.30 to 0.35 of the spans the tagger
// calls ORG are organisations, while in the run stored here it finds exactly 0.46 of the held-out ones (one minus the two
// shares above). A third of its ORG spans are no entity at all: in the run stored here *KO* 9 times and *KOs* 3 times,
// the knockouts in one boxer's record (all in the article on Duane Bobick), short capitalised tokens that look like the
// acronyms firms and universities go by (*FSU*). One in eight to one in five is a MISC with the same words: the *Pan
// American Games* (CoNLL's guidelines make events MISC) and *EZ2DJ*, a series of video games.
// So one article moves the type's score: without its 12 *KO* and *KOs* spans the precision above would be 60 of 162, and
// the organisations' F1 of this run 0.41 instead of 0.39 (with the recall of 0.46). The organisations' score says
// as much about a handful of strings in 29 articles as about the tagger. Averaging more taggers moves it a little, not
// much: with the second pass below, organisations score 0.389 on average for ensembles of 3 taggers (eight sets of
// seeds), 0.395 for 5 and 0.405 for 10 (four sets, 0.38 to 0.42; [the figures](../docs/results.md#use-a-trained-model-from-the-command-line)),
// since every tagger makes the same guess about a capitalised token it has never seen.

// An article tends to use one type for one name: *Weather Report* is a band in every sentence that names it. A
// second pass over the tagger's output (Krishnan and Manning 2006, in its simplest form, `LabelConsistency`) gives every
// mention in an article the type most of that string's mentions in the article got; the spans stay where the tagger put
// them, a tie keeps each mention's own type, and no gold tag is read, so it is as legal on a held-out article as the
// tagger itself. The mentions it retyped, with their gold type, then the scores before and after:

// Within each article, every mention of the same words gets the type most of its mentions got (a tie keeps its own).
var wikiPredicted = wiki is null ? [] : best.Predict(wikiTest);
var consistentTags = LabelConsistency.Apply(wikiTest, wikiPredicted);
if (wiki is not null)
{
    var consistentScores = EntityScorer.Score(wikiTest, consistentTags);
    Report("wikigold CRF tagger with label consistency entity F1", consistentScores.Micro.F1);
    Report("wikigold CRF tagger with label consistency ORG F1", Of(consistentScores, "ORG").F1);
    var retyped = from i in Enumerable.Range(0, wikiTest.Count)
                  from span in IobTags.Spans(consistentTags[i])
                  let before = IobTags.Spans(wikiPredicted[i]).First(s => s.Start == span.Start && s.End == span.End)
                  where before.Type != span.Type
                  select new { Mention = wikiTest[i].TextOf(span), Before = before.Type, After = span.Type,
                               Gold = wikiTest[i].Entities.Where(e => e.Start == span.Start && e.End == span.End).Select(e => e.Type).FirstOrDefault() ?? "not an entity" };
    var retypedList = retyped.ToList();
    Report("wikigold mentions retyped by label consistency", retypedList.Count);
    display(Tables.FromRecords(retypedList.Take(10)));
    display(Tables.FromRecords(new[] { ("CRF tagger", wikiScores[^1].Scores), ("with label consistency", consistentScores) }.Select(m => new
    {
        Model = m.Item1, PER = F1(m.Item2, "PER"), LOC = F1(m.Item2, "LOC"), ORG = F1(m.Item2, "ORG"), MISC = F1(m.Item2, "MISC"), All = F1(m.Item2, "all"),
    })));
}

// Over three seeds (`rnnbook sweep`) the second pass raised the entity F1 in every seed, from 0.55-0.58 to 0.56-0.60
// (mean 0.573 to 0.587), and it costs no training. It retyped 24 to 32 mentions per seed; in the run stored here 21 of
// its 30 took their gold type, 5 lost it, and the rest were wrong before and after. Most are names the tagger gave one
// type in one sentence and another in the rest, surnames read as places most of all (*Budjana*, *Silang* above).
// Organisations barely move (0.34-0.40 before and after): the pass only chooses among the types the tagger gave, so a
// band read as a person in most of its sentences stays a person.

// ## 9. Save the best model, and use it from the command line
//
// `rnnbook predict ner` uses the best tagger of the ablation, the BiLSTM with characters and a CRF trained on wikigold's
// training articles (on the bundled set when wikigold is not there), whose parameters are those of its best dev epoch.
// Both test splits stay held out, and its scores on them are its honest figures.
//
// It is saved in the weight format PyTorch and Hugging Face use, safetensors (`ner.safetensors`: $E$, $S$, both
// directions' weights, $W_{ya}$, $b_y$, the character encoder's $C$ and weights under `chars.`, and the CRF's $A$, start
// and end scores under `crf.`), beside `ner.json` (vocabularies, characters, tags, sizes, cells).

var saved = best;
Report("saved model entity F1 on the bundled test split", Evaluate(saved.Predict, test).Micro.F1);
if (wiki is not null) Report("saved model entity F1 on the wikigold test articles", Evaluate(saved.Predict, wikiTest).Micro.F1);

var modelPath = System.IO.Path.Combine("..", "out", "models", "ner");
saved.Save(modelPath);
var reloaded = NerTagger.Load(modelPath);
Report("sentences tagged differently after save and load",
    saved.Predict(TokensOf(test)).Zip(reloaded.Predict(TokensOf(test))).Count(p => !p.First.SequenceEqual(p.Second)));
NotebookScript.Show(modelPath + ".safetensors");

// From the repository root, one sentence per line in, one line of tags out:
//
// ```bash
// echo "Ada Lovelace worked with Charles Babbage in London ." | dotnet run --project lib/RnnNotebooks.Cli -- predict ner
// ```
//
// An article, one sentence per line, with the second pass of section 8 over all its lines (answered when the input
// ends):
//
// ```bash
// dotnet run --project lib/RnnNotebooks.Cli -- predict ner --document < article.txt
// ```
//
// Ten taggers read better than one. `rnnbook train ner` trains ten taggers like the one saved here, two at a time, with
// input dropout 0.5, 0.3, 0.65, 0.4 and 0.55 in turn and seeds 1 to 10, and saves them where `predict ner` looks, as one
// model (`NerEnsemble`: the mean of their emission scores $u^{\langle t \rangle}$ and of their CRFs, then one Viterbi path).
// Over four sets of seeds it reached an entity F1 of 0.582-0.592 on the held-out articles, and with the second pass
// 0.604-0.609 (mean 0.608; organisations 0.405), in about two minutes on two cores
// ([the figures](../docs/results.md#use-a-trained-model-from-the-command-line)); this notebook trains one, to stay
// within its time.

ReportSeconds("seconds to run", clock.Elapsed.TotalSeconds);

// ## Summary
//
// - Many-to-many with $T_x = T_y$: one output $\hat{y}^{\langle t \rangle}$ per input word, a softmax over IOB2 tags, and
//   a loss summed over the steps with padding masked out.
// - Words become vectors through a learned embedding $E$, trained by the $dx^{\langle t \rangle}$ that BPTT already
//   computes; an unknown word shares `<unk>`, and features of its form (capitals, suffix) let the tagger guess at names
//   it never saw.
// - A left-to-right RNN tags word $t$ from words $1..t$ only; a bidirectional RNN also reads $t+1..T_x$, which names
//   like *Teddy Roosevelt* need.
// - A linear-chain CRF scores whole tag sequences: $\log Z$ by the forward algorithm in $T n_y^2$ steps, its gradient by
//   forward-backward, the best sequence by Viterbi; its learned transition scores push down every step IOB2 forbids.
// - A BiLSTM over each word's characters lets the tagger read a name's spelling, not only a fixed suffix.
// - An article names one thing one way: a second pass that gives every mention of a string its majority type within the
//   article retypes a few dozen mentions, and raised the F1 at every seed.
// - Entities are scored as CoNLL does, by exact span and type; on real Wikipedia text a small tagger trained from scratch
//   on about 27,000 words is far from perfect, and the errors show why: unknown words whose form does not decide their type.
//
// ## Exercises
//
// 1. Train the BiRNN without the form features (hint: compare `WordFeatures.Of` for a few words, then read how
//    `NerTagger` builds $x^{\langle t \rangle}$). How much of its F1 on the bundled test split do they bring?
// 2. Set `MinWordCount = 1` in `NerTaggerOptions`, so no training word is unknown. What happens to the F1 on test, and
//    why does `<unk>` need training examples?
// 3. Train the BiLSTM with characters and a CRF on wikigold without `InputDropout` (set it to 0 in `NerTrainingOptions`).
//    Compare its training loss and its dev F1 per epoch with the run above: what does dropout change?
// 4. Tag a few sentences of your own with `rnnbook predict ner`. Which entities does it miss, and which type does it
//    confuse with which?
// 5. A tag sequence such as `O I-PER` is not valid IOB2. Count how often the wikigold BiLSTM with characters (no CRF)
//    predicts an `I-X` that does not follow `B-X` or `I-X` before `IobTags.ToIob2` repairs it (hint: the argmax of
//    `yHat`), and how often the CRF's Viterbi path does.
// 6. Two more tricks of the literature are options of `NerTrainingOptions`: `SingletonDropout = 0.5` with
//    `MinWordCount = 1` in `NerTaggerOptions` (Lample et al. 2016: a word seen once in training keeps a vector of its own
//    and is read as `<unk>` half the time), and `MentionReplacement = 0.3` (Dai and Adel 2020: each training entity may be
//    swapped for another of its type, so the type has to come from the words around it). Train the last model of the
//    ablation with each, over three seeds, and compare its wikigold F1 with the spread between seeds: is the difference
//    larger than that spread?
// 7. `LabelConsistency.Apply(wikiTest, wikiPredicted, propagate: true)` also tags the untagged occurrences of every
//    mentioned string that starts with a capital. Which mentions does it add in the run above, and are they right? Is its
//    F1 over three seeds above that of the majority alone by more than the spread between seeds?
// 8. Train two more taggers like the last of the ablation, with other seeds and input dropouts (0.3 and 0.65), and read
//    the three as one with `new NerEnsemble([...])` (`Predict` averages their emission scores and their CRFs). Compare
//    its precision and recall on organisations with the single tagger's (section 8). Does either move by more than the
//    spread between seeds, and what would a tagger need to know to stop calling *KO* an organisation?
