// 02-forward-propagation.cs: notebooks/02-forward-propagation.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/02-forward-propagation.cs
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
using RnnNotebooks.Exercises;
using RnnNotebooks.Plots;
using static RnnNotebooks.Exercises.Checks;
using static RnnNotebooks.Scripts.Figures;

NotebookScript.Start();

// # 02 · Forward propagation
//
// In this notebook you will:
//
// 1. compute **one step** of a recurrent network by hand, on numbers small enough to check on paper, then with the
//    library, and see that the note's stacked form $W_a = \begin{bmatrix} W_{aa} & W_{ax} \end{bmatrix}$ gives the same
//    step;
// 2. run the forward pass over a **batch** and over a **sentence**, reading what the network predicts at every step and
//    how its hidden state $a^{\langle t \rangle}$ moves;
// 3. compare the two choices for $g_1$, **tanh and ReLU**, over many steps: one saturates, the other can grow without
//    bound;
// 4. compare the two output heads $g_2$, **softmax and sigmoid**;
// 5. start from $a^{\langle 0 \rangle} = 0$ or from a **random** $a^{\langle 0 \rangle}$, and see how long the network
//    remembers the difference.
//
// It trains one small character model on the way, and checks at its end that it ran in under a minute.

// ## The libraries
//
// The core (`RnnNotebooks`), the datasets (`RnnNotebooks.Data`), the charts (`RnnNotebooks.Plots`) and the exercises'
// graders with the checks every notebook uses, `CheckShape`, `Norm`, `LargestDifference` (`RnnNotebooks.Exercises`), built by
// `dotnet build` at the repository root; Plotly.NET.Interactive shows charts as cell outputs.

var clock = System.Diagnostics.Stopwatch.StartNew();

// ## 1. One step by hand
//
// One step of the note's network takes the previous hidden state $a^{\langle t-1 \rangle}$ and the new input
// $x^{\langle t \rangle}$:
//
// $$z^{\langle t \rangle} = W_{aa}\, a^{\langle t-1 \rangle} + W_{ax}\, x^{\langle t \rangle} + b_a, \qquad a^{\langle t \rangle} = g_1\left(z^{\langle t \rangle}\right)$$
//
// Take $n_a = 2$ hidden units, a vocabulary of $n_x = 3$ tokens, $g_1 = \tanh$, and the input token 0, so
// $x^{\langle t \rangle}$ is one-hot at index 0:
//
// $$z^{\langle t \rangle} = \begin{bmatrix} 0.5 & -0.3 \\ 0.8 & 0.2 \end{bmatrix} \begin{bmatrix} 0.2 \\ -0.4 \end{bmatrix} + \begin{bmatrix} 1 & 0 & -1 \\ 0.5 & 0.5 & 0 \end{bmatrix} \begin{bmatrix} 1 \\ 0 \\ 0 \end{bmatrix} + \begin{bmatrix} 0.1 \\ -0.1 \end{bmatrix} = \begin{bmatrix} 0.22 + 1 + 0.1 \\ 0.08 + 0.5 - 0.1 \end{bmatrix} = \begin{bmatrix} 1.32 \\ 0.48 \end{bmatrix}$$
//
// $$a^{\langle t \rangle} = \tanh\left(z^{\langle t \rangle}\right) = \begin{bmatrix} \tanh 1.32 \\ \tanh 0.48 \end{bmatrix} \approx \begin{bmatrix} 0.8668 \\ 0.4462 \end{bmatrix}$$
//
// The same sums, written out as loops: the code the library's kernels make fast.

double[,] Waa = { { 0.5, -0.3 }, { 0.8, 0.2 } };          // (n_a, n_a)
double[,] Wax = { { 1.0, 0.0, -1.0 }, { 0.5, 0.5, 0.0 } }; // (n_a, n_x)
double[] ba = { 0.1, -0.1 }, aPrev = { 0.2, -0.4 };
double[] x = { 1, 0, 0 };                                  // x<t>: token 0, one-hot
var z = new double[2];
for (int i = 0; i < 2; i++)
{
    z[i] = ba[i];
    for (int k = 0; k < 2; k++) z[i] += Waa[i, k] * aPrev[k]; // + Waa a<t-1>
    for (int k = 0; k < 3; k++) z[i] += Wax[i, k] * x[k];     // + Wax x<t>
}
var aByHand = z.Select(Math.Tanh).ToArray();               // a<t> = tanh(z<t>)
Report("z1", z[0]); Report("z2", z[1]); Report("a1", aByHand[0]); Report("a2", aByHand[1]);

// The library does the same with `RnnCell.Step`. Every vector is a matrix with one column per sample: here the batch
// has $m = 1$ sample, so $a^{\langle t-1 \rangle}$ is $(n_a, m) = (2, 1)$ and $x^{\langle t \rangle}$ is $(n_x, m) = (3, 1)$.

var p = new RecurrentParameters(RecurrentCell.Rnn, nX: 3, nA: 2, nY: 3);
p.Waa.CopyFrom(Matrix.FromArray(Waa));
p.Wax.CopyFrom(Matrix.FromArray(Wax));
ba.CopyTo(p.Ba, 0);
var a = new Matrix(2, 1);                                  // a<t>, (n_a, m)
RnnCell.Step(p, Activation.Tanh, Matrix.ColumnVector(aPrev), Matrix.ColumnVector(x), a);
CheckShape(a, (2, 1), "a<t>");
Report("largest difference, library against by hand",
    LargestDifference(a, Matrix.ColumnVector(aByHand)));
NotebookScript.Show(a);

// Multiplying by a one-hot vector picks one column: $W_{ax}\, x^{\langle t \rangle}$ is column $k$ of $W_{ax}$ when
// $x^{\langle t \rangle}$ is one-hot at $k$. So the library never builds one-hot vectors: it takes the token index and
// adds that column. With $n_x = 10\,000$ words this saves a product with 9 999 zeros per step.

var aFromToken = new Matrix(2, 1);
RnnCell.Step(p, Activation.Tanh, Matrix.ColumnVector(aPrev), [0], aFromToken); // x<t> as token 0
Report("largest difference, token against one-hot", LargestDifference(aFromToken, a));

// ### The stacked form
//
// The note also writes the step with one matrix. Put $W_{aa}$ and $W_{ax}$ side by side, and $a^{\langle t-1 \rangle}$
// on top of $x^{\langle t \rangle}$:
//
// $$W_a = \begin{bmatrix} W_{aa} & W_{ax} \end{bmatrix} \in \mathbb{R}^{n_a \times (n_a + n_x)}, \qquad a^{\langle t \rangle} = g_1\left(W_a \begin{bmatrix} a^{\langle t-1 \rangle} \\ x^{\langle t \rangle} \end{bmatrix} + b_a\right)$$
//
// Multiplying blocks gives back the two products,
// $W_a \begin{bmatrix} a^{\langle t-1 \rangle} \\ x^{\langle t \rangle} \end{bmatrix} = W_{aa}\, a^{\langle t-1 \rangle} + W_{ax}\, x^{\langle t \rangle}$,
// so it is the same step. `RecurrentParameters.Wa` builds $W_a$ and `RnnCell.StepStacked` takes it:

var Wa = p.Wa;
CheckShape(Wa, (2, 2 + 3), "Wa = [Waa | Wax]");
var aStacked = RnnCell.StepStacked(Wa, p.Ba, Activation.Tanh,
    Matrix.ColumnVector(aPrev), Matrix.ColumnVector(x));
Report("largest difference, stacked against two matrices", LargestDifference(aStacked, a));
NotebookScript.Show(Wa);

// ### Your turn: one cell step
//
// Write the step yourself, for a whole batch: $a^{\langle t-1 \rangle}$ is $(n_a, m)$, $x^{\langle t \rangle}$ is
// $(n_x, m)$, and the result $a^{\langle t \rangle}$ is $(n_a, m)$, column $j$ for sample $j$. Entries are read as
// `W[i, k]`; `new Matrix(rows, cols)` starts at zero. Replace the `throw` by your code, run the cell, then run the check
// below it: it tries your function on random weights of several shapes, with $m > 1$, compares with `RnnCell.Step`, and
// says which entry of which case is wrong, or that it is right. The hint and the solution below are folded: open them
// on purpose. (`rnnbook run` runs the notebook's solution after this cell, so the notebook always runs to its end;
// `rnnbook run --as-written` grades yours.)

// Exercise: the notebook leaves this body to the reader:
// // a<t> = tanh(Waa a<t-1> + Wax x<t> + ba) for m samples at once.
// // Waa (n_a, n_a), Wax (n_a, n_x), ba (n_a), aPrev (n_a, m), x (n_x, m); return a<t> (n_a, m).
// Matrix CellStep(Matrix Waa, Matrix Wax, double[] ba, Matrix aPrev, Matrix x)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
Matrix CellStep(Matrix Waa, Matrix Wax, double[] ba, Matrix aPrev, Matrix x)
{
    int nA = Waa.Rows, nX = Wax.Cols, m = aPrev.Cols;
    var a = new Matrix(nA, m);
    for (int j = 0; j < m; j++)                                  // sample j: column j
        for (int i = 0; i < nA; i++)
        {
            double z = ba[i];
            for (int k = 0; k < nA; k++) z += Waa[i, k] * aPrev[k, j]; // + Waa a<t-1>
            for (int k = 0; k < nX; k++) z += Wax[i, k] * x[k, j];     // + Wax x<t>
            a[i, j] = Math.Tanh(z);                                    // a<t> = tanh(z<t>)
        }
    return a;
}

// <details><summary>Hint</summary>
//
// Section 1's loops compute one column. Add a loop over the $m$ columns `j` around them, read `aPrev[k, j]` and
// `x[k, j]`, and write `a[i, j]`. The sizes are `Waa.Rows` ($n_a$), `Wax.Cols` ($n_x$) and `aPrev.Cols` ($m$).
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// Matrix CellStep(Matrix Waa, Matrix Wax, double[] ba, Matrix aPrev, Matrix x)
// {
//     int nA = Waa.Rows, nX = Wax.Cols, m = aPrev.Cols;
//     var a = new Matrix(nA, m);
//     for (int j = 0; j < m; j++)                                  // sample j: column j
//         for (int i = 0; i < nA; i++)
//         {
//             double z = ba[i];
//             for (int k = 0; k < nA; k++) z += Waa[i, k] * aPrev[k, j]; // + Waa a<t-1>
//             for (int k = 0; k < nX; k++) z += Wax[i, k] * x[k, j];     // + Wax x<t>
//             a[i, j] = Math.Tanh(z);                                    // a<t> = tanh(z<t>)
//         }
//     return a;
// }
// ```
//
// </details>

var cellStepVerdict = Grade.CellStep(CellStep);
Report("exercise cell-step passed", cellStepVerdict.Passed ? 1 : 0);
NotebookScript.Show(cellStepVerdict);

// ### The output
//
// The prediction reads the new hidden state through the output layer:
//
// $$\hat{y}^{\langle t \rangle} = g_2\left(W_{ya}\, a^{\langle t \rangle} + b_y\right), \qquad \operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^{n_y} e^{z_j}}$$
//
// With $n_y = 3$ classes and $g_2 = \operatorname{softmax}$, $\hat{y}^{\langle t \rangle}$ is a probability for each
// class; the three add up to 1.

p.Wya.CopyFrom(Matrix.FromArray(new double[,] { { 1, -1 }, { 0.5, 0.5 }, { -1, 2 } })); // (3, 2)
p.By[2] = 0.1;
var (zy, yHat) = (new Matrix(3, 1), new Matrix(3, 1));
RnnCell.Output(p, Activation.Softmax, a, zy, yHat);     // zy = Wya a<t> + by, yHat = softmax(zy)
var softmaxByHand = zy.Column(0).Select(v => Math.Exp(v) / zy.Column(0).Sum(Math.Exp)).ToArray();
Report("largest difference, softmax against by hand",
    LargestDifference(yHat, Matrix.ColumnVector(softmaxByHand)));
Report("sum of yHat", yHat.Column(0).Sum());
NotebookScript.Show(yHat);

// ## 2. A batch of sequences
//
// This section uses the parameters `p` of section 1.
//
// The network reads $m$ sequences at once, one per column. Every step then works on matrices: $a^{\langle t \rangle}$
// is $(n_a, m)$, $x^{\langle t \rangle}$ is $(n_x, m)$ and $\hat{y}^{\langle t \rangle}$ is $(n_y, m)$, and the
// products $W_{aa}\, a^{\langle t-1 \rangle}$ are matrix-matrix products, which is what makes a batch fast. `Rnn.Forward`
// runs the steps $t = 1 \dots T_x$ from $a^{\langle 0 \rangle} = 0$ and keeps every $a^{\langle t \rangle}$ and
// $\hat{y}^{\langle t \rangle}$ in a cache. Four sequences of five tokens; `tokens[t - 1][j]` is token $t$ of sequence $j$:

var tiny = new Rnn(p);                                     // g1 = tanh, g2 = softmax
int[][] tokens = [[0, 1, 2, 0], [1, 1, 1, 1], [2, 0, 1, 2], [0, 0, 2, 1], [1, 2, 0, 0]];
var batch = SequenceBatch.OneHot(3, tokens);
var cache = tiny.Forward(batch);
int Tx = batch.Length, m = batch.BatchSize;
CheckShape(cache.A(Tx), (2, m), "a<Tx>");
CheckShape(cache.YHat(Tx), (3, m), "yHat<Tx>");
NotebookScript.Show(cache.A(Tx));

// ### Your turn: the forward loop
//
// `Rnn.Forward` is a loop over $t = 1 \dots T_x$ around the step you just wrote. Write it: start from
// $a^{\langle 0 \rangle}$, apply `CellStep` to $a^{\langle t-1 \rangle}$ and $x^{\langle t \rangle}$, keep every
// $a^{\langle t \rangle}$. `x[t - 1]` is $x^{\langle t \rangle}$ and your result's element `[t - 1]` is
// $a^{\langle t \rangle}$ (so $a^{\langle 0 \rangle}$ is not in it). The check compares every step with `Rnn.Forward`
// and names the first wrong time step.

// Exercise: the notebook leaves this body to the reader:
// // a<t> = tanh(Waa a<t-1> + Wax x<t> + ba) for t = 1 .. T, from a0 = a<0>.
// // x[t - 1] is x<t> (n_x, m); return a<1> .. a<T>, element [t - 1] = a<t> (n_a, m).
// Matrix[] ForwardLoop(Matrix Waa, Matrix Wax, double[] ba, Matrix a0, Matrix[] x)
// {
//     throw new NotImplementedException(); // your code here, using CellStep
// }
// The notebook's solution:
Matrix[] ForwardLoop(Matrix Waa, Matrix Wax, double[] ba, Matrix a0, Matrix[] x)
{
    var a = new Matrix[x.Length];
    var aPrev = a0;                                        // a<0>
    for (int t = 1; t <= x.Length; t++)
    {
        a[t - 1] = CellStep(Waa, Wax, ba, aPrev, x[t - 1]); // a<t> from a<t-1> and x<t>
        aPrev = a[t - 1];                                  // carried to step t + 1
    }
    return a;
}

// <details><summary>Hint</summary>
//
// Keep a variable `aPrev`, starting at `a0`. At each step compute `CellStep(Waa, Wax, ba, aPrev, x[t - 1])`, store it,
// and make it the next step's `aPrev`: the state is what carries the past forward.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// Matrix[] ForwardLoop(Matrix Waa, Matrix Wax, double[] ba, Matrix a0, Matrix[] x)
// {
//     var a = new Matrix[x.Length];
//     var aPrev = a0;                                        // a<0>
//     for (int t = 1; t <= x.Length; t++)
//     {
//         a[t - 1] = CellStep(Waa, Wax, ba, aPrev, x[t - 1]); // a<t> from a<t-1> and x<t>
//         aPrev = a[t - 1];                                  // carried to step t + 1
//     }
//     return a;
// }
// ```
//
// </details>

var forwardLoopVerdict = Grade.ForwardLoop(ForwardLoop);
Report("exercise forward-loop passed", forwardLoopVerdict.Passed ? 1 : 0);
NotebookScript.Show(forwardLoopVerdict);

// ## 3. A forward pass over a sentence
//
// To see what a forward pass computes, we need a network whose predictions mean something. We train a small
// **character-level** model on the course's text: short sentences about Harry, Hermione and their friends, generated
// from a small grammar (`StoryText`). At every step it reads a character $x^{\langle t \rangle}$ and predicts the next
// one, $\hat{y}^{\langle t \rangle}$, a distribution over the $n_y = n_x$ characters. Training is notebook 03's subject;
// here it is one call per batch, 600 batches. `Trainer.Step` runs the forward pass, the loss, the gradients (backpropagation
// through time, derived in notebook 03) and one update of the weights by `Adam`, gradient descent that scales each
// weight's step by running averages of its gradient and of the gradient's square (Kingma and Ba, 2015; the library's
// `Adam` class documents its equations, and notebook 03 trains with it too).

string text = StoryText.Generate(600, seed: 1);
var vocabulary = CharVocabulary.FromText(text);
var model = Rnn.Create(nX: vocabulary.Size, nA: 32, nY: vocabulary.Size, seed: 1);
var trainer = new Trainer(model, new Adam(0.01));
var windows = new TextWindows(vocabulary.Encode(text), vocabulary.Size,
    length: 32, batchSize: 32, seed: 1);
double lossPerCharacter = 0;
for (int update = 1; update <= 600; update++)
{
    var (xs, ys) = windows.Next();
    lossPerCharacter = trainer.Step(xs, ys) / (32 * 32);
    if (update % 200 == 0)
        Console.WriteLine($"update {update}: loss per character {lossPerCharacter:F3}");
}
Report("training loss per character", lossPerCharacter);
NotebookScript.Show($"{text[..80]} ... ({text.Length} characters, {vocabulary})");

// Now the forward pass over one sentence, step by step. At each step $t$ the table shows the character read, a summary
// of the hidden state (its length $\lVert a^{\langle t \rangle} \rVert$ and its largest entry), the class
// $\hat{y}^{\langle t \rangle}$ gives the highest probability, that probability, and the character that really comes
// next. Spaces show as `␣`.

string Show(char c) => c == ' ' ? "␣" : c.ToString();
string sentence = "ron lost the map.";
var ids = vocabulary.Encode(sentence);
var pass = model.Forward(SequenceBatch.OneHot(vocabulary.Size, ids));
var rows = Enumerable.Range(1, ids.Length).Select(t =>
{
    var probabilities = pass.YHat(t).Column(0);
    int top = Array.IndexOf(probabilities, probabilities.Max());
    return new { t, x = Show(sentence[t - 1]), normA = Math.Round(Norm(pass.A(t)), 2),
        largestA = Math.Round(pass.A(t).Data.Max(Math.Abs), 3),
        predicted = Show(vocabulary.CharAt(top)),
        p = Math.Round(probabilities[top], 3), next = t < ids.Length ? Show(sentence[t]) : "" };
}).ToList();
Report("share of next characters predicted",
    rows.SkipLast(1).Average(r => r.predicted == r.next ? 1.0 : 0.0));
Report("probability of e after th", rows[10].p);
Report("largest top probability after a space", rows.Where(r => r.x == "␣").Max(r => r.p));
NotebookScript.Show(Tables.FromRecords(rows));

// Where the text leaves no choice, after *th* comes *e*, the network is nearly sure and right (`probability of e after
// th`). Where it has a real choice, after a space, at the start of a word, its top probability stays low (`largest top
// probability after a space`): it spreads the rest over the other words that can follow. Three characters in four are
// predicted right (`share of next characters predicted`).
//
// The whole hidden state over a longer sentence, one row per hidden unit and one column per step, red for positive and
// blue for negative values. The state changes at every character. Its largest entry is 0.96 to 1.0 at every step (0.98 to 1.0 in `largestA` of
// the table above): some units are saturated, the condition section 4 measures, where tanh passes almost no gradient
// back. No single unit here visibly keeps a value over a stretch of text; what the network carries from one character to
// the next is spread over many units (notebook 08 builds cells that keep a value on purpose).

string longer = "harry found an old map in the castle. then he read the book.";
var longPass = model.Forward(SequenceBatch.OneHot(vocabulary.Size, vocabulary.Encode(longer)));
NotebookScript.Show(Charts.HiddenStates("Hidden state a⟨t⟩ while reading a sentence", longPass,
    longer.Select(c => c.ToString()).ToArray()));

// ## 4. $g_1$: tanh or ReLU
//
// This section builds its own networks; it needs nothing from the earlier ones.
//
// The hidden activation is applied at every step, so its shape decides what happens over many steps:
//
// $$\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} \in (-1, 1), \qquad \operatorname{ReLU}(z) = \max(0, z) \in [0, \infty)$$
//
// $\tanh$ is bounded: however large $z$ gets, $a^{\langle t \rangle}$ stays inside $(-1, 1)^{n_a}$, so
// $\lVert a^{\langle t \rangle} \rVert < \sqrt{n_a}$. ReLU is not: if $W_{aa}$ stretches vectors, the state is
// stretched again at every step. To see it, take $n_a = 32$ units and a $W_{aa}$ that stretches by $\rho = 1.5$ in
// every direction: an orthogonal matrix (which keeps lengths) times 1.5. Its **spectral radius**, the largest
// $\lvert \lambda \rvert$ of its eigenvalues, is then exactly $\rho$. Both networks read the same 60 random tokens with
// the same weights.

var random = new Random(1);
var randomTokens = Enumerable.Range(0, 60).Select(_ => random.Next(10)).ToArray();
RecurrentCache Run(Activation g1, double rho)
{
    var net = Rnn.Create(nX: 10, nA: 32, nY: 10, seed: 1, g1: g1); // Waa starts orthogonal
    for (int i = 0; i < net.Parameters.Waa.Data.Length; i++) net.Parameters.Waa.Data[i] *= rho;
    return net.Forward(SequenceBatch.OneHot(10, randomTokens));
}
var (tanhPass, reluPass) = (Run(Activation.Tanh, 1.5), Run(Activation.Relu, 1.5));
var steps = Enumerable.Range(1, 60).ToArray();
double[] NormsOver(RecurrentCache c) => steps.Select(t => Norm(c.A(t))).ToArray();
Report("tanh largest entry of a over 60 steps", steps.Max(t => tanhPass.A(t).Data.Max(Math.Abs)));
Report("relu length of a at t = 60", Norm(reluPass.A(60)));
Report("relu growth per step over steps 31 to 60", Math.Pow(Norm(reluPass.A(60)) / Norm(reluPass.A(30)), 1.0 / 30));
NotebookScript.Show(Charts.Lines("Length of the hidden state, Waa with spectral radius 1.5", "t", "‖a⟨t⟩‖",
    [Series.Of("tanh", NormsOver(tanhPass)), Series.Of("ReLU", NormsOver(reluPass))], logY: true));

// On the log scale ReLU's state climbs along a line: it grows by a roughly constant factor per step, about 1.1 here
// (figure `relu growth per step over steps 31 to 60`; less than $\rho = 1.5$, since ReLU zeroes the negative entries),
// which makes orders of magnitude over 60 steps (figure `relu length of a at t = 60`). It is far from overflowing: a
// `double` holds up to about $10^{308}$, and from about 2,000 that is over 6,000 more steps at 1.1 per step, and still
// some 1,700 at the full 1.5. A longer text or a larger $\rho$ gets there sooner, and the library then reports a
// `NonFiniteException` naming the step. tanh's state stays
// below $\sqrt{n_a} \approx 5.7$, but at a price. The larger $W_{aa}$, the more units are pushed towards $\pm 1$, where tanh is flat. Its slope there,
//
// $$\tanh'(z) = 1 - \tanh^2(z) = 1 - a^2,$$
//
// is almost 0, so a small change of $z$ hardly changes $a$. Such a unit is **saturated**. Notebook 03 shows what this
// does to learning: the gradient flowing back through a unit is multiplied by its slope. Below, for several spectral
// radii $\rho$, the share of units with $\lvert a \rvert > 0.95$ and the average slope $1 - a^2$, over steps 31 to 60:
// at $\rho = 1.5$ few units saturate; at $\rho = 3$ about half do, and the average slope has fallen to under a third.

double[] radii = [0.5, 1, 1.5, 2, 3, 4, 5];
(double Saturated, double Slope) Saturation(double rho)
{
    var c = Run(Activation.Tanh, rho);
    var late = Enumerable.Range(31, 30).SelectMany(t => c.A(t).Data).ToArray(); // steps 31..60
    return (late.Average(v => Math.Abs(v) > 0.95 ? 1.0 : 0.0), late.Average(v => 1 - v * v));
}
var saturation = radii.ToDictionary(rho => rho, Saturation);
Report("tanh saturated share at spectral radius 1.5", saturation[1.5].Saturated);
Report("tanh saturated share at spectral radius 3", saturation[3].Saturated);
Report("mean tanh slope at spectral radius 3", saturation[3].Slope);
NotebookScript.Show(Charts.Lines("tanh over steps 31 to 60, by the spectral radius of Waa",
    "spectral radius ρ of Waa", "average over units and steps",
    [
        new Series("share of units with |a| > 0.95", radii,
            radii.Select(r => saturation[r].Saturated).ToList()),
        new Series("slope tanh′(z) = 1 − a²", radii,
            radii.Select(r => saturation[r].Slope).ToList()),
    ],
    markers: true));

// ## 5. $g_2$: softmax or sigmoid
//
// This section reads the forward pass `pass` over *ron lost the map.* of section 3 (with its `vocabulary` and `Show`).
//
// The output head decides what $\hat{y}^{\langle t \rangle}$ means:
//
// $$\operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^{n_y} e^{z_j}}, \qquad \sigma(z)_k = \frac{1}{1 + e^{-z_k}}$$
//
// Softmax couples the outputs: they are positive and add up to 1, one distribution over **exactly one** class, as for
// the next character (with the cross-entropy loss). The sigmoid treats each output on its own: each is a probability
// in $(0, 1)$ of a separate yes/no question, and they need not add up to anything, as for notebook 01's tag, "is this
// word a name?", or for several labels that can be true together (with the binary cross-entropy loss). The same logits
// of the character model after reading *ron lost th*, through both heads:

var logits = pass.Logits(11).Column(0);         // z = Wya a<11> + by, after "ron lost th"
var softmax = pass.YHat(11).Column(0);
var sigmoid = logits.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
Report("softmax outputs, sum", softmax.Sum());
Report("sigmoid outputs, sum", sigmoid.Sum());
var likeliest = Enumerable.Range(0, vocabulary.Size).OrderByDescending(k => logits[k]).Take(6);
NotebookScript.Show(Tables.FromRecords(likeliest.Select(k => new
{
    character = Show(vocabulary.CharAt(k)), z = Math.Round(logits[k], 2),
    softmax = Math.Round(softmax[k], 4), sigmoid = Math.Round(sigmoid[k], 4),
})));

// Softmax puts almost all its mass on *e*; the sigmoids of the same logits say "yes" to several characters at once, and
// add up to more than 1 (the sums are reported above). A model is trained with the head it will be used with; the loss that goes with each head, cross-entropy with softmax and binary cross-entropy with sigmoid, makes
// $\partial \mathcal{L} / \partial z = \hat{y} - y$ in both cases (notebook 03 derives both).
//
// ## 6. $a^{\langle 0 \rangle}$: zero or random
//
// This section uses the trained `model`, its `vocabulary` and the sentence `longer` of section 3.
//
// The note starts from $a^{\langle 0 \rangle} = \vec{0}$: before the first character, the network has read nothing.
// Starting from a random $a^{\langle 0 \rangle}$ instead changes the first steps. How long does the difference last?
// Run the trained model over the long sentence twice, from $a^{\langle 0 \rangle} = \vec{0}$ and from an
// $a^{\langle 0 \rangle}$ drawn uniformly from $(-1, 1)^{n_a}$, and measure
// $\lVert a^{\langle t \rangle}_{\text{zero}} - a^{\langle t \rangle}_{\text{random}} \rVert$.

var longIds = vocabulary.Encode(longer);
var a0 = new Matrix(32, 1);
var draw = new Random(3);
for (int i = 0; i < 32; i++) a0[i, 0] = 2 * draw.NextDouble() - 1;         // a<0> ~ U(-1, 1)
var fromZero = model.Forward(SequenceBatch.OneHot(vocabulary.Size, longIds));
var fromRandom = model.Forward(SequenceBatch.OneHot(vocabulary.Size, longIds), a0);
var gap = Enumerable.Range(1, longIds.Length).Select(t =>
    Math.Sqrt(fromZero.A(t).Data.Zip(fromRandom.A(t).Data, (u, v) => (u - v) * (u - v)).Sum()))
    .ToArray();
Report("state difference at t = 1", gap[0]);
Report("state difference at t = 20", gap[19]);
Report("state difference at the end", gap[^1]);
NotebookScript.Show(Charts.Lines("How long a random a⟨0⟩ is remembered", "t", "‖a⟨t⟩ from zero − a⟨t⟩ from random‖",
    [Series.Of("difference", gap)], logY: true));

// The difference shrinks by orders of magnitude within a sentence: this network **forgets** its initial state, because
// each step multiplies the difference by $W_{aa}$ and by the tanh slopes, and here that contracts it. Until it has
// forgotten, the predictions of the first characters suffer: the loss per character of the sentence, from each start:

var next = SequenceTargets.ClassIndices(longIds[1..]);
var inputs = SequenceBatch.OneHot(vocabulary.Size, longIds[..^1]);
int predictions = longIds.Length - 1;
double fromZeroLoss = model.Loss(model.Forward(inputs), next);
double fromRandomLoss = model.Loss(model.Forward(inputs, a0), next);
Report("sentence loss per character from zero", fromZeroLoss / predictions);
Report("sentence loss per character from random", fromRandomLoss / predictions);

// Zero is the right start for a sequence that starts with nothing before it, as every training window did here. When a
// long text is cut into pieces, the right start for the next piece is the state where the last one ended: `Trainer`
// keeps it as `LastState` (min-char-rnn's `hprev`). A random start belongs nowhere; at best the network forgets it soon.

ReportSeconds("seconds to run", clock.Elapsed.TotalSeconds);

// ## Summary
//
// - One step: $a^{\langle t \rangle} = g_1(W_{aa}\, a^{\langle t-1 \rangle} + W_{ax}\, x^{\langle t \rangle} + b_a)$,
//   then $\hat{y}^{\langle t \rangle} = g_2(W_{ya}\, a^{\langle t \rangle} + b_y)$. By hand, with the library, and in
//   the stacked form $W_a \begin{bmatrix} a^{\langle t-1 \rangle} \\ x^{\langle t \rangle} \end{bmatrix}$, the numbers
//   agree.
// - A one-hot $x^{\langle t \rangle}$ picks a column of $W_{ax}$, so the library takes token indices.
// - A batch is $m$ columns: $a^{\langle t \rangle}$ is $(n_a, m)$, $\hat{y}^{\langle t \rangle}$ is $(n_y, m)$.
// - $g_1 = \tanh$ keeps the state bounded but saturates; ReLU does not saturate for $z > 0$ but can grow without bound
//   when $W_{aa}$'s spectral radius exceeds 1.
// - $g_2 = \operatorname{softmax}$ gives one distribution over $n_y$ classes; sigmoid gives $n_y$ independent probabilities.
// - $a^{\langle 0 \rangle} = \vec{0}$ for a fresh sequence; a trained network forgets its start within some steps.
//
// ## Exercises
//
// 1. Change $a^{\langle t-1 \rangle}$ in section 1 to $(0, 0)$ and compute $a^{\langle t \rangle}$ by hand. Which
//    terms are left? Check with `RnnCell.Step`.
// 2. Run section 4 with $\rho = 0.9$ and $\rho = 1.0$. Does ReLU's state still grow? Does tanh still saturate?
// 3. Feed the sentence *"hermione lost the map."* and find the step where the model is least sure. Is it where a
//    person would hesitate?
// 4. Train the character model with $n_a = 8$ instead of 32 and compare the share of next characters predicted.
// 5. In section 6, draw $a^{\langle 0 \rangle}$ from $(-5, 5)$ instead of $(-1, 1)$. Is the difference forgotten
//    faster, slower, or at the same rate once the state is back inside $(-1, 1)$?

// ### Hints and solutions
//
// Open them after trying.
//
// <details><summary>Exercise 1: hint</summary>
//
// With $a^{\langle t-1 \rangle} = 0$ the term $W_{aa}\, a^{\langle t-1 \rangle}$ vanishes: only the column of $W_{ax}$ that $x^{\langle t \rangle}$ picks and $b_a$ are left.
//
// </details>
//
// <details><summary>Exercise 1: solution</summary>
//
// $z = (1 + 0.1,\; 0.5 - 0.1) = (1.1,\; 0.4)$, so $a^{\langle t \rangle} = (\tanh 1.1,\; \tanh 0.4) \approx (0.8005,\; 0.3799)$. With the library:
//
// ```csharp
// var fromZero = new Matrix(2, 1);
// RnnCell.Step(p, Activation.Tanh, new Matrix(2, 1), Matrix.ColumnVector(x), fromZero); // a<t-1> = 0
// fromZero   // (0.8005, 0.3799)
// ```
//
// </details>
//
// <details><summary>Exercise 2: hint</summary>
//
// `Run(Activation.Relu, 0.9)` and `Run(Activation.Tanh, 1.0)` give the passes; compare `Norm(pass.A(60))` with `Norm(pass.A(30))`, and `Saturation(0.9)` gives tanh's share of saturated units.
//
// </details>
//
// <details><summary>Exercise 2: solution</summary>
//
// With $\rho \le 1$, $W_{aa}$ no longer stretches, and ReLU only removes length, so the state stops growing: its length stays of the order of the inputs' push per step. tanh saturates less the smaller $\rho$ (the chart of section 4 already shows the trend). The code:
//
// ```csharp
// foreach (var rho in new[] { 0.9, 1.0 })
// {
//     var relu = Run(Activation.Relu, rho);
//     Console.WriteLine($"rho {rho}: ReLU |a<30>| {Norm(relu.A(30)):F2}, |a<60>| {Norm(relu.A(60)):F2}; tanh saturated share {Saturation(rho).Saturated:F3}");
// }
// ```
//
// </details>
//
// <details><summary>Exercise 3: hint</summary>
//
// Run `model.Forward` over the sentence's ids and take, at each step, the largest entry of `YHat(t).Column(0)`: the least sure step is where that is smallest.
//
// </details>
//
// <details><summary>Exercise 3: solution</summary>
//
// The least sure steps come right after a space, at the start of a word, where several words can follow, as for a person reading.
//
// ```csharp
// string hermione = "hermione lost the map.";
// var hermioneIds = vocabulary.Encode(hermione);
// var hermionePass = model.Forward(SequenceBatch.OneHot(vocabulary.Size, hermioneIds));
// int leastSure = Enumerable.Range(1, hermioneIds.Length).MinBy(t => hermionePass.YHat(t).Column(0).Max());
// $"least sure after reading \"{hermione[..leastSure]}\" (step {leastSure})"
// ```
//
// </details>
//
// <details><summary>Exercise 4: hint</summary>
//
// Change `nA: 32` to `nA: 8` in section 3's `Rnn.Create` and run sections 3 to 6 again; the figure is `share of next characters predicted`.
//
// </details>
//
// <details><summary>Exercise 5: hint</summary>
//
// Replace `2 * draw.NextDouble() - 1` by `10 * draw.NextDouble() - 5`.
//
// </details>
//
// <details><summary>Exercise 5: solution</summary>
//
// The first step differs more, but $a^{\langle 1 \rangle} = \tanh(\dots)$ is back inside $(-1, 1)$ whatever $a^{\langle 0 \rangle}$ was, so from there on the difference shrinks at the same rate: it is set by $W_{aa}$ and the tanh slopes along the sentence, not by where the state started.
//
// </details>
