// 01-why-recurrent-networks.cs: notebooks/01-why-recurrent-networks.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/01-why-recurrent-networks.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:project ../../lib/RnnNotebooks.Scripts/RnnNotebooks.Scripts.csproj
#:project ../../lib/RnnNotebooks/RnnNotebooks.csproj
#:project ../../lib/RnnNotebooks.Data/RnnNotebooks.Data.csproj
#:project ../../lib/RnnNotebooks.Plots/RnnNotebooks.Plots.csproj
#:project ../../lib/RnnNotebooks.Exercises/RnnNotebooks.Exercises.csproj

using RnnNotebooks.Scripts;
using static RnnNotebooks.Scripts.NotebookScript;
using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Plots;
using static RnnNotebooks.Exercises.Checks;
using static RnnNotebooks.Scripts.Figures;

NotebookScript.Start();

// # 01 · Why recurrent networks
//
// In this notebook you will:
//
// 1. feed sentences to a **standard network**, the feed-forward network you already know, and see why it needs every
//    sentence padded or cut to one fixed length;
// 2. count its **parameters** against a recurrent network's as sentences get longer;
// 3. train both on the note's *'Harry' ... 'he'* example and watch the recurrent network **share what it learned across
//    positions**: it tags names at positions, and in sentences longer than any it saw in training, where the standard
//    network fails;
// 4. draw the recurrent network **unrolled in time**, the picture the next two notebooks fill in.
//
// Every random choice is seeded, so every run prints the same numbers. The notebook trains two small models and checks
// at its end that it ran in under a minute.

// ## The libraries
//
// Three libraries of this repository, built by `dotnet build` at the repository root: the core (`RnnNotebooks`: the
// networks, BPTT, training), the datasets (`RnnNotebooks.Data`) and the charts and tables (`RnnNotebooks.Plots`),
// and `CheckShape` with the other checks every notebook uses (`RnnNotebooks.Exercises`).
// Plotly.NET.Interactive makes a chart show itself as the output of a cell.

var clock = System.Diagnostics.Stopwatch.StartNew();

// ## 1. A standard network reads a fixed number of words
//
// The note contrasts an RNN with a **standard network**, a feed-forward network, but does not write its equations; these
// are the usual ones for one hidden layer $h$, mapping one input vector to one output vector:
//
// $$h = g_1\left(W_1 x + b_1\right), \qquad \hat{y} = g_2\left(W_2 h + b_2\right)$$
//
// To read a sentence of words $x^{\langle 1 \rangle}, \dots, x^{\langle T \rangle}$, each a one-hot vector of $n_x$
// values, it has to lay them end to end as **one** input of $T n_x$ values:
//
// $$x = \begin{bmatrix} x^{\langle 1 \rangle} \\ \vdots \\ x^{\langle T \rangle} \end{bmatrix} \in \{0, 1\}^{T n_x}, \qquad W_1 \in \mathbb{R}^{n_h \times T n_x}$$
//
// $W_1$ has exactly $T n_x$ columns, so $T$ is fixed when the network is built. Sentences do not all have $T$ words.
// Shorter ones are **padded** with a `<pad>` word; longer ones are **cut**, and the network never sees their end.
// Three sentences of this notebook's toy task, read at width $T = 10$:

const int width = 10;
string Words(IEnumerable<int> tokens) => string.Join(" ", tokens.Select(i => NameTagging.Words[i]));

var examples = new[] { 4, 8, 14 }.Select(n => NameTagging.Generate(1, n, n, 1, 3, seed: n)[0]);
NotebookScript.Show(Tables.FromRecords(examples.Select(s =>
{
    var (tokens, cut) = FixedWidth.PadOrTruncate(s.Tokens, width, NameTagging.Pad);
    return new { words = s.Length, sentence = Words(s.Tokens), whatTheNetworkReads = Words(tokens),
        wordsCut = cut };
})));

// ## 2. Its parameters grow with the width
//
// This section uses `width` of section 1.
//
// Say each word gets one tag, so the network has $T$ outputs, and $n_h$ hidden units. Its parameters are
//
// $$P_{\text{standard}} = \underbrace{n_h \, T n_x + n_h}_{W_1,\ b_1} + \underbrace{T n_h + T}_{W_2,\ b_2}$$
//
// which grows with $T$. A recurrent network reads one word $x^{\langle t \rangle}$ at a time with the same matrices at
// every step, so its count does not depend on the length at all:
//
// $$P_{\text{RNN}} = \underbrace{n_a^2}_{W_{aa}} + \underbrace{n_a n_x}_{W_{ax}} + \underbrace{n_a}_{b_a} + \underbrace{n_y n_a + n_y}_{W_{ya},\ b_y}$$
//
// First we check both formulas against the library's own counts, on the two models this notebook trains: a standard
// network 10 words wide with $n_h = 32$, and an RNN with $n_a = 16$ and one output per step ($n_y = 1$).

long StandardCount(long T, long nX, long nH) => nH * T * nX + nH + T * nH + T;
long RnnCount(long nX, long nA, long nY) => nA * nA + nA * nX + nA + nY * nA + nY;

int nX = NameTagging.VocabularySize;
var ff = new FeedForwardNet(nIn: width * nX, nH: 32, nOut: width, seed: 1, g2: Activation.Sigmoid);
var rnn = Rnn.Create(nX, nA: 16, nY: 1, seed: 1, g2: Activation.Sigmoid);
if (ff.Count != StandardCount(width, nX, 32) || rnn.Parameters.Count != RnnCount(nX, 16, 1))
    throw new InvalidOperationException("a parameter formula disagrees with the library's count");
Report("standard network parameters", ff.Count);
Report("rnn parameters", rnn.Parameters.Count);
Report("standard network parameters per rnn parameter", (double)ff.Count / rnn.Parameters.Count);

// The standard network already has about twelve times the RNN's parameters here. With a realistic vocabulary the gap is
// the whole story: for a dictionary of $n_x = 10\,000$ words (the size Andrew Ng's *Sequence Models* course uses in its examples;
// the note gives none) and 100 hidden units, the standard network's
// count grows in proportion to $T$, while the RNN's stays where it is. The $y$ axis is logarithmic.

var T = Enumerable.Range(1, 20).Select(i => 5.0 * i).ToArray();
Report("standard network parameters at T = 100, millions", StandardCount(100, 10_000, 100) / 1e6);
Report("rnn parameters at any T, millions", RnnCount(10_000, 100, 1) / 1e6);
NotebookScript.Show(Charts.Lines("Parameters for a 10,000-word vocabulary and 100 hidden units",
    "sentence width T (words)", "parameters",
    [
        new Series("standard network over T words", T,
            T.Select(t => (double)StandardCount((long)t, 10_000, 100)).ToArray()),
        new Series("RNN, any length", T, T.Select(_ => (double)RnnCount(10_000, 100, 1)).ToArray()),
    ],
    logY: true));

// ## 3. Sharing features across positions: *'Harry' ... 'he'*
//
// The note's point is about *Harry* and a later *he*: a model that tags names should recognise *Harry* wherever he
// stands, and when a later *he* refers back to him, know that too. (The full sentence often quoted with it, *"Harry
// Potter and Hermione Granger invented a new spell"*, comes from Andrew Ng's *Sequence Models* course, not from the
// note.) The toy task
// keeps exactly that:
//
// - each sentence has one name, one of eight (four take *he*, four take *she*), among random filler words;
// - three sentences in four also have a pronoun, *he* or *she*, somewhere else;
// - the tag $y^{\langle t \rangle}$ is 1 for the name, and for a pronoun that **refers back** to it (it comes after
//   the name and has its gender); every other tag is 0.
//
// The name needs no memory, only recognising the word. The pronoun needs memory: the tag of *he* at $t = 8$ depends on a
// name at $t = 3$. In the examples below, capitals mark the words tagged 1. In the training set the name always stands
// among the first four words:

var train = NameTagging.Generate(4000, minLength: 6, maxLength: 10,
    firstNamePosition: 1, lastNamePosition: 4, seed: 1);
NotebookScript.Show(Tables.FromRecords(train.Take(6).Select(s =>
    new { sentence = s.ToString(), tags = string.Concat(s.Tags) })));

// Three test sets, each of new sentences, ask three questions:
//
// | test set | lengths | where the name stands | question |
// |---|---|---|---|
// | seen | 6 to 10 words | positions 1 to 4 | did the model learn the task? |
// | new positions | 6 to 10 words | positions 5 to 10 | does what it learned at one position serve at another? |
// | longer | 11 to 20 words | anywhere | does it serve in sentences longer than any in training? |

var tests = new Dictionary<string, IReadOnlyList<TaggedSentence>>
{
    ["seen"] = NameTagging.Generate(1000, 6, 10, 1, 4, seed: 2),
    ["new positions"] = NameTagging.Generate(1000, 6, 10, 5, 10, seed: 3),
    ["longer"] = NameTagging.Generate(1000, 11, 20, 1, 20, seed: 4),
};
NotebookScript.Show(Tables.FromRecords(tests.Select(kv =>
    new { test = kv.Key, sentences = kv.Value.Count, example = kv.Value[0].ToString() })));

// ## 4. The RNN, unrolled in time
//
// This section draws the first sentence of `train`, section 3's training set.
//
// A recurrent network reads the sentence one word at a time. At step $t$ it combines the new word
// $x^{\langle t \rangle}$ with its **hidden state** $a^{\langle t-1 \rangle}$, a summary of the words so far, and
// predicts the tag from the new state:
//
// $$a^{\langle t \rangle} = g_1\left(W_{aa}\, a^{\langle t-1 \rangle} + W_{ax}\, x^{\langle t \rangle} + b_a\right), \qquad \hat{y}^{\langle t \rangle} = g_2\left(W_{ya}\, a^{\langle t \rangle} + b_y\right)$$
//
// Here $g_1 = \tanh$ and $g_2$ is the sigmoid, so $\hat{y}^{\langle t \rangle}$ is the probability that word $t$ is
// tagged 1. Drawn over time, the network looks like a deep network with one layer per word, but every layer is the
// **same cell** with the same $W_{aa}$, $W_{ax}$, $W_{ya}$: that is why its size does not depend on $T$, and why what it
// learns about *harry* at step 2 is what it uses at step 7. Notebook 02 computes these equations by hand. Here is the
// first training sentence with its tags:

var first = train[0];
NotebookScript.Show(Diagrams.UnrolledRnn(
    first.Tokens.Select(i => NameTagging.Words[i]).ToArray(),
    first.Tags.Select(tag => $"tag {tag}").ToArray()));

// ## 5. Training both networks on the same data
//
// This section trains `ff` and `rnn`, built in section 2 (with `nX` and `width`), on `train` of section 3.
//
// Both see the same 4000 sentences, 20 times, in batches of $m = 50$, with the same optimiser (Adam, learning rate
// 0.01). Adam is gradient descent that scales each weight's step by running averages of its gradient and of the
// gradient's square (Kingma and Ba, 2015; the library's `Adam` class gives its equations); the gradients it follows are
// derived in notebook 03. Both have sigmoid outputs and the binary cross-entropy loss, summed over the tags:
//
// $$\mathcal{L} = -\sum_{t} \left( y^{\langle t \rangle} \log \hat{y}^{\langle t \rangle} + \left(1 - y^{\langle t \rangle}\right) \log\left(1 - \hat{y}^{\langle t \rangle}\right) \right)$$
//
// The standard network reads each sentence padded to 10 words, as a $(T n_x, m)$ matrix, and gives 10 tags at once. It
// also learns to tag the padding 0, which costs it nothing. We keep a copy of $W_1$ to look at later.

var ffBatches = train.Chunk(50).Select(b => NameTagging.ToFeedForwardBatch(b, width)).ToList();
CheckShape(ffBatches[0].X, (width * nX, 50), "x (padded, flattened)");
CheckShape(ffBatches[0].Y, (width, 50), "y (one tag per position)");
var w1Before = ff.W1.Clone();
var ffAdam = new Adam(0.01);
for (int epoch = 1; epoch <= 20; epoch++)
{
    double loss = 0;
    foreach (var (x, y) in ffBatches)
    {
        var (batchLoss, gradients) = ff.LossAndGradients(x, SequenceTargets.Dense([y]));
        ffAdam.Step(ff.Tensors, gradients);
        loss += batchLoss;
    }
    if (epoch % 5 == 0)
        Console.WriteLine($"epoch {epoch,2}: loss per sentence {loss / train.Count:F4}");
}

// The RNN reads the same batches word by word. Sentences in a batch have different lengths, so each batch is padded to
// its longest sentence and the loss is **masked**: the steps after a sentence's end have weight 0. `Trainer` runs the
// forward pass, the loss, backpropagation through time (derived in notebook 03, which trains with `Trainer` throughout)
// and the Adam update, and calls back after every update.

var rnnBatches = train.Chunk(50).Select(batch => NameTagging.ToRnnBatch(batch)).ToList();
var trainer = new Trainer(rnn, new Adam(0.01));
double epochLoss = 0;
trainer.Fit(rnnBatches, epochs: 20, onStep: progress =>
{
    epochLoss += progress.Loss;
    if (progress.Batch < rnnBatches.Count) return;
    if (progress.Epoch % 5 == 0)
        Console.WriteLine($"epoch {progress.Epoch,2}: loss per sentence {epochLoss / train.Count:F4}");
    epochLoss = 0;
});

// ## 6. Who generalises?
//
// This section scores the networks `ff` and `rnn` trained in section 5 on the `tests` of section 3.
//
// A sentence counts as right only when **every** tag is right: $\hat{y}^{\langle t \rangle} > 0.5$ exactly where
// $y^{\langle t \rangle} = 1$. The standard network tags only the first 10 words; for the words it cannot read we count
// its answer as 0, *not a name*.

double[] RnnTags(TaggedSentence s)
{
    var cache = rnn.Forward(SequenceBatch.OneHot(nX, s.Tokens));
    return Enumerable.Range(1, s.Length).Select(t => cache.YHat(t)[0, 0]).ToArray(); // p(tag = 1)
}
double[] StandardTags(TaggedSentence s)
{
    var yHat = ff.Forward(NameTagging.ToFeedForwardBatch([s], width).X).YHat; // (T, 1)
    return Enumerable.Range(0, Math.Min(width, s.Length)).Select(t => yHat[t, 0]).ToArray();
}
double Accuracy(IEnumerable<TaggedSentence> set, Func<TaggedSentence, double[]> tags) =>
    set.Average(s => s.AllTagsRight(tags(s)) ? 1.0 : 0.0);

var scores = tests.Select(kv => new
{
    test = kv.Key, rnn = Accuracy(kv.Value, RnnTags), standard = Accuracy(kv.Value, StandardTags),
}).ToList();
foreach (var s in scores)
{
    Report($"rnn {s.test}", s.rnn);
    Report($"standard network {s.test}", s.standard);
}
NotebookScript.Show(Charts.Bars("Share of test sentences with every tag right", "share of sentences",
    scores.Select(s => s.test).ToArray(),
    [("RNN", scores.Select(s => s.rnn).ToArray()),
     ("standard network", scores.Select(s => s.standard).ToArray())],
    yRange: (0, 1.12)));

// On the sentences like its training data both networks do well, the RNN better (figures `rnn seen` and
// `standard network seen`). Move the name to positions 5 to 10 and the standard network gets almost **no** sentence
// right, while the RNN gets almost every one (`new positions`). In sentences of 11 to 20 words the standard network
// cannot even read the end, and the RNN still gets most of them right (`longer`).
//
// The chart below breaks the same question down by where the name stands, over sentences of 6 to 20 words. The shaded
// band is where names stood in training. The standard network gets nothing right once the name leaves that band
// (`standard network best position after 4`). The RNN's share falls slowly as the name moves later, since later names
// come with longer sentences and the pronoun can stand further from its name, but at its worst position it still gets
// most sentences right (`rnn worst position`).

var everywhere = NameTagging.Generate(6000, 6, 20, 1, 20, seed: 5);
var positions = Enumerable.Range(1, 20).Select(p => (double)p).ToArray();
double[] ByPosition(Func<TaggedSentence, double[]> tags) =>
    positions.Select(p => Accuracy(everywhere.Where(s => s.NamePosition == p), tags)).ToArray();
var (rnnByPosition, standardByPosition) = (ByPosition(RnnTags), ByPosition(StandardTags));
Report("rnn worst position", rnnByPosition.Min());
Report("standard network best position after 4", standardByPosition[4..].Max());
NotebookScript.Show(Charts.Lines("Sentences with every tag right, by where the name stands",
    "position of the name", "share of sentences right",
    [new Series("RNN", positions, rnnByPosition),
     new Series("standard network (10 words)", positions, standardByPosition)],
    bands: [new Band(0.5, 4.5, "names in training")], markers: true));

// ## 7. Why: one weight per position, or one weight for all
//
// This section compares `ff.W1` after training (section 5) with the copy `w1Before` taken before it.
//
// Split $W_1$ into one block of $n_x$ columns per position, $W_1 = \begin{bmatrix} W_1^{[1]} & \cdots & W_1^{[T]} \end{bmatrix}$.
// Then $W_1 x = \sum_{t=1}^{T} W_1^{[t]} x^{\langle t \rangle}$: the word at position $t$ meets only its own block, and
// the gradient of that block is
//
// $$\frac{\partial \mathcal{L}}{\partial W_1^{[t]}} = \delta_1 \, {x^{\langle t \rangle}}^{\top}$$
//
// where $\delta_1$ is the gradient at the hidden layer. The column of *harry* in block $t$ changes only when *harry*
// stood at position $t$ in training. *Harry* never stood at position 7, so that column is still exactly the random
// numbers it started with: whatever the network learned about *harry* at position 2, it cannot use at position 7.

int harry = NameTagging.Words.ToList().IndexOf("harry");
double LargestChange(int position)
{
    int column = (position - 1) * nX + harry; // harry's column in block W1^[position]
    return Enumerable.Range(0, ff.W1.Rows)
        .Max(i => Math.Abs(ff.W1[i, column] - w1Before[i, column]));
}
Report("standard network weight change for harry at position 2", LargestChange(2));
Report("standard network weight change for harry at position 7", LargestChange(7));

// The RNN has one column for *harry*, in $W_{ax}$, and uses it at every step: $W_{ax} x^{\langle t \rangle}$ is the same
// vector whether *harry* is word 2 or word 17. That is the note's **sharing of features across positions**: what the RNN
// learned about *harry* at positions 1 to 4 it uses at position 17, where the standard network has only untrained
// weights. Carrying the name forward to the pronoun is another matter: the hidden state $a^{\langle t \rangle}$ has
// to hold it across every word in between, and section 6's chart shows that getting harder as the gap grows (at its
// worst position the RNN gets `rnn worst position` of the sentences right, not all). Notebooks 03 and 08 show a
// vanilla RNN losing such a memory over 20 steps or more, and what the GRU and the LSTM do about it.

ReportSeconds("seconds to run", clock.Elapsed.TotalSeconds);

// ## Summary
//
// - A standard network reads a fixed number of words $T$: shorter sentences are padded, longer ones cut.
// - Its first layer has a separate block of weights for every position, so its parameters grow in proportion to $T$,
//   while an RNN's do not depend on the length.
// - What a standard network learns at one position does not carry over to another: the weights for a word at a
//   position it never saw in training are the random ones it started with.
// - An RNN applies the same cell, with the same $W_{aa}$, $W_{ax}$, $W_{ya}$, at every step, so it tags names at
//   positions and in sentences longer than any it was trained on, and its hidden state carries the name forward to
//   the pronoun.
//
// ## Exercises
//
// 1. Train both networks with names at positions 1 to 8 (`lastNamePosition: 8`). How does the standard network do on
//    names at positions 9 and 10 now? Draw the position chart again.
// 2. Give the RNN only $n_a = 2$ hidden units (`Rnn.Create(nX, nA: 2, ...)`). Which test set suffers first, and is it
//    the names or the pronouns? (Hint: print the sentences it gets wrong with `s.ToString()`.)
// 3. Use $g_1 = \operatorname{ReLU}$ for the RNN (`g1: Activation.Relu`). Does it still generalise to longer sentences?
// 4. Make the standard network 20 words wide and train it on sentences of 6 to 20 words. How many parameters does it
//    have, and how does it do on the `new positions` test?
// 5. Compute `StandardCount` and `RnnCount` for a vocabulary of 50 000 words and $T = 30$. Which would fit in 1 GB of
//    `double`s?

// ### Hints and solutions
//
// Open them after trying.
//
// <details><summary>Exercise 1: hint</summary>
//
// Change `lastNamePosition: 4` to `8` in section 3 and run sections 3 to 6 again. Think about which blocks $W_1^{[t]}$ now see *harry*.
//
// </details>
//
// <details><summary>Exercise 1: solution</summary>
//
// Blocks 5 to 8 now get trained, so the standard network tags names at positions up to 8 and fails at 9 and 10, whose blocks still hold their random starting weights: the position chart's drop moves from 4 to 8. The RNN is unchanged in kind.
//
// </details>
//
// <details><summary>Exercise 2: hint</summary>
//
// Two units must carry both *a name was seen* and *its gender* forward; look at which tags are wrong in the sentences it misses: `tests["longer"].Where(s => !s.AllTagsRight(RnnTags(s))).Take(5).Select(s => s.ToString())`.
//
// </details>
//
// <details><summary>Exercise 3: hint</summary>
//
// Pass `g1: Activation.Relu` to `Rnn.Create` in section 2 and compare the `longer` figures. Notebook 02, section 4, shows what ReLU does to the state over many steps.
//
// </details>
//
// <details><summary>Exercise 4: hint</summary>
//
// `new FeedForwardNet(nIn: 20 * nX, nH: 32, nOut: 20, ...)`, `width = 20`, and `NameTagging.Generate(4000, 6, 20, 1, 20, seed: 1)` for training; the count is `StandardCount(20, nX, 32)`.
//
// </details>
//
// <details><summary>Exercise 5: solution</summary>
//
// With $n_h = n_a = 100$ hidden units and one output per word ($n_y = 1$):
//
// $P_{\text{standard}} = 100 \cdot 30 \cdot 50\,000 + 100 + 30 \cdot 100 + 30 = 150\,003\,130$, that is $8 \times 150\,003\,130 \approx 1.2$ GB of `double`s: it does not fit in 1 GB.
//
// $P_{\text{RNN}} = 100^2 + 100 \cdot 50\,000 + 100 + 100 + 1 = 5\,010\,201$, about 40 MB, for any $T$.
//
// ```csharp
// (StandardCount(30, 50_000, 100), RnnCount(50_000, 100, 1))   // (150003130, 5010201)
// ```
//
// </details>
